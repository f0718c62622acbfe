package br.com.whatsappoficial.template;

import static br.com.whatsappoficial.template.TemplateTest.T0;
import static br.com.whatsappoficial.template.TemplateTest.pending;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Meta's rules for editing a template, refused here before Meta would: status, category, format, limits. */
class TemplateEditRulesTest {

    static final NewTemplate SAME_TEXT_MARKETING = new NewTemplate(
            "pedido_enviado",
            TemplateCategory.MARKETING,
            "pt_BR",
            TemplateRulesTest.ACCEPTED.header(),
            TemplateRulesTest.ACCEPTED.headerExample(),
            TemplateRulesTest.ACCEPTED.body(),
            TemplateRulesTest.ACCEPTED.footer(),
            TemplateRulesTest.ACCEPTED.buttons(),
            TemplateRulesTest.ACCEPTED.examples(),
            null,
            null);

    @ParameterizedTest(name = "{0}: editable {1}")
    @CsvSource({
        "APPROVED, true",
        "REJECTED, true",
        "PAUSED, true",
        "PENDING, false",
        "IN_APPEAL, false",
        "DISABLED, false",
        "PENDING_DELETION, false",
        "ARCHIVED, false",
        "LIMIT_EXCEEDED, false",
        "FLAGGED_FOR_REVIEW, false"
    })
    void onlyApprovedRejectedOrPausedTemplatesCanBeEdited(String status, boolean editable) {
        Template template = in(status);

        assertThat(template.editable()).isEqualTo(editable);
        assertThat(template.editRefusals(TemplateRulesTest.ACCEPTED, ParameterFormat.POSITIONAL))
                .extracting(TemplateProblem::code)
                .containsExactlyElementsOf(
                        editable
                                ? List.of()
                                : List.of(
                                        status.equals("PENDING") || status.equals("IN_APPEAL")
                                                ? "edit.under-review"
                                                : "edit.status"));
    }

    @ParameterizedTest(name = "{0}: category may change {1}")
    @CsvSource({"REJECTED, true", "APPROVED, false", "PAUSED, false"})
    void theCategoryChangesOnlyWhileRejected(String status, boolean changeable) {
        Template template = in(status);

        assertThat(template.editRefusals(SAME_TEXT_MARKETING, ParameterFormat.POSITIONAL))
                .extracting(TemplateProblem::code)
                .containsExactlyElementsOf(changeable ? List.of() : List.of("edit.category"));
    }

    @Test
    void numberedVariablesAreNotTradedForNamedOnes() {
        Template template = in("APPROVED");

        assertThat(template.editRefusals(TemplateRulesTest.ACCEPTED, ParameterFormat.NAMED))
                .extracting(TemplateProblem::code)
                .containsExactly("edit.format");
    }

    @Test
    void anEditGoesBackToReviewWithoutTheOldReasonOrCategoryNotice() {
        Template template = pending();
        template.statusReported(
                TemplateStatus.REJECTED, new RejectionReason("PROMOTIONAL"), "promo", T0.plusSeconds(10));
        template.categoryAnnounced(TemplateCategory.MARKETING, T0.plusSeconds(12));
        TemplateContent rewritten = TemplateContent.of(TemplateRulesTest.rebody(
                TemplateRulesTest.ACCEPTED, "Olá {{1}}, pedido a caminho.", Map.of("1", "Ana")));

        template.edited(rewritten, TemplateCategory.MARKETING, T0.plusSeconds(20));

        assertThat(template.status()).isEqualTo(TemplateStatus.PENDING);
        assertThat(template.reason()).isNull();
        assertThat(template.statusDetail()).isNull();
        assertThat(template.category()).isEqualTo(TemplateCategory.MARKETING);
        assertThat(template.announcedCategory()).isNull();
        assertThat(template.content().body()).isEqualTo("Olá {{1}}, pedido a caminho.");
        assertThat(template.statusReported(TemplateStatus.APPROVED, null, null, T0.plusSeconds(30)))
                .as("Meta's decision on the edit applies")
                .isTrue();
        assertThat(template.statusReported(TemplateStatus.REJECTED, null, null, T0.plusSeconds(15)))
                .as("the old rejection, arriving late, does not")
                .isFalse();
    }

    @Test
    void aDeletionIsFinalEvenOverNewsMetaDatedAfterIt() {
        Template template = pending();
        template.statusReported(TemplateStatus.APPROVED, null, null, T0.plusSeconds(100));

        template.deleted(T0.plusSeconds(50));

        assertThat(template.status()).isEqualTo(TemplateStatus.DELETED);
        assertThat(template.statusReported(TemplateStatus.APPROVED, null, null, T0.plusSeconds(200)))
                .isFalse();
    }

    @Test
    void anApprovedTemplateIsEditedOnceIn24Hours() {
        Instant now = T0;

        assertThat(TemplateEdits.limit(List.of(), now)).isEmpty();
        assertThat(TemplateEdits.limit(List.of(now.minus(Duration.ofHours(25))), now))
                .isEmpty();
        assertThat(TemplateEdits.limit(List.of(now.minus(Duration.ofHours(3))), now))
                .hasValueSatisfying(exhausted -> {
                    assertThat(exhausted.window()).isEqualTo(TemplateEditsExhausted.Window.DAY);
                    assertThat(exhausted.retryAt()).isEqualTo(now.plus(Duration.ofHours(21)));
                });
    }

    @Test
    void anApprovedTemplateIsEditedTenTimesIn30Days() {
        Instant now = T0;
        List<Instant> nine = IntStream.range(0, 9)
                .mapToObj(i -> now.minus(Duration.ofDays(2L + 3 * i)))
                .sorted()
                .toList();
        List<Instant> ten = IntStream.rangeClosed(1, 10)
                .mapToObj(day -> now.minus(Duration.ofDays(2L + 2 * (10 - day))))
                .sorted()
                .toList();

        assertThat(TemplateEdits.limit(nine, now)).isEmpty();
        assertThat(TemplateEdits.limit(ten, now)).hasValueSatisfying(exhausted -> {
            assertThat(exhausted.window()).isEqualTo(TemplateEditsExhausted.Window.MONTH);
            assertThat(exhausted.retryAt()).isEqualTo(ten.getFirst().plus(Duration.ofDays(30)));
            assertThat(exhausted.messageKey()).isEqualTo("editor.edits-exhausted.MONTH");
        });
    }

    private static Template in(String status) {
        Template template = pending();
        template.statusReported(new TemplateStatus(status), null, null, T0.plusSeconds(5));
        return template;
    }
}
