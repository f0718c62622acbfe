package br.com.whatsappoficial.template;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.whatsappoficial.meta.MessageTemplateId;
import br.com.whatsappoficial.meta.WabaId;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How Meta's news applies to a template: forward in time only, repeats change nothing, deletion is final. */
class TemplateTest {

    static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");

    static Template pending() {
        return Template.known(
                new MessageTemplateId("594425479261596"),
                new WabaId("524126980791429"),
                new TemplateName("pedido_enviado"),
                TemplateLanguage.PT_BR,
                TemplateCategory.UTILITY,
                TemplateContent.of(TemplateRulesTest.ACCEPTED),
                TemplateStatus.PENDING,
                T0);
    }

    static Stream<Arguments> statusNews() {
        return Stream.of(
                news("approved later", List.of(status("APPROVED", 5)), "APPROVED", true),
                news("rejected later", List.of(status("REJECTED", 5)), "REJECTED", true),
                news("older news is ignored", List.of(status("APPROVED", -5)), "PENDING", false),
                news(
                        "approved then an older pending",
                        List.of(status("APPROVED", 10), status("PENDING", 5)),
                        "APPROVED",
                        false),
                news(
                        "approved then paused then an older approved",
                        List.of(status("APPROVED", 10), status("PAUSED", 20), status("APPROVED", 15)),
                        "PAUSED",
                        false),
                news(
                        "paused then approved again later",
                        List.of(status("PAUSED", 20), status("APPROVED", 30)),
                        "APPROVED",
                        true),
                news(
                        "a repeat changes nothing",
                        List.of(status("APPROVED", 5), status("APPROVED", 5)),
                        "APPROVED",
                        false),
                news(
                        "decision and review in the same second: the decision stays",
                        List.of(status("APPROVED", 5), status("PENDING", 5)),
                        "APPROVED",
                        false),
                news("deleted is final", List.of(status("DELETED", 5), status("APPROVED", 50)), "DELETED", false),
                news(
                        "pending deletion then deleted",
                        List.of(status("PENDING_DELETION", 5), status("DELETED", 6)),
                        "DELETED",
                        true),
                news("every status Meta documents", List.of(status("IN_APPEAL", 5)), "IN_APPEAL", true),
                news("limit exceeded", List.of(status("LIMIT_EXCEEDED", 5)), "LIMIT_EXCEEDED", true),
                news("disabled", List.of(status("DISABLED", 5)), "DISABLED", true),
                news(
                        "a status Meta adds later is kept as it came",
                        List.of(status("FLAGGED_FOR_REVIEW", 5)),
                        "FLAGGED_FOR_REVIEW",
                        true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statusNews")
    void appliesMetasStatusNews(String what, List<Consumer<Template>> news, String expected, boolean lastChanged) {
        Template template = pending();
        boolean changed = false;
        for (Consumer<Template> each : news) {
            changed = applied(template, each);
        }

        assertThat(template.status().value()).isEqualTo(expected);
        assertThat(changed).as("the last news changed the template").isEqualTo(lastChanged);
    }

    @Test
    void aRejectionKeepsMetasReasonAndItsExplanation() {
        Template template = pending();

        template.statusReported(
                TemplateStatus.REJECTED,
                new RejectionReason("INVALID_FORMAT"),
                "Variables can't be at the start",
                T0.plusSeconds(5));

        assertThat(template.reason()).isEqualTo(new RejectionReason("INVALID_FORMAT"));
        assertThat(template.reason().textKey()).isEqualTo("template.rejection.INVALID_FORMAT.text");
        assertThat(template.reason().fixKey()).isEqualTo("template.rejection.INVALID_FORMAT.fix");
        assertThat(template.statusDetail()).isEqualTo("Variables can't be at the start");
        assertThat(template.updatedAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void anApprovalClearsTheReasonOfAnEarlierRejection() {
        Template template = pending();
        template.statusReported(TemplateStatus.REJECTED, new RejectionReason("PROMOTIONAL"), null, T0.plusSeconds(5));
        template.statusReported(TemplateStatus.IN_APPEAL, null, null, T0.plusSeconds(10));
        template.statusReported(TemplateStatus.APPROVED, null, null, T0.plusSeconds(20));

        assertThat(template.status()).isEqualTo(TemplateStatus.APPROVED);
        assertThat(template.reason()).isNull();
    }

    @Test
    void aReasonMetaAddsLaterGetsTheGenericExplanation() {
        RejectionReason reason = RejectionReason.fromMeta("NEW_REASON_2027").orElseThrow();

        assertThat(reason.explained()).isFalse();
        assertThat(reason.textKey()).isEqualTo("template.rejection.OTHER.text");
        assertThat(RejectionReason.fromMeta("NONE")).isEmpty();
        assertThat(RejectionReason.fromMeta(null)).isEmpty();
    }

    @Test
    void anUnknownStatusHasTheGenericLabelAndCannotBeSent() {
        TemplateStatus unknown = new TemplateStatus("flagged_for_review");

        assertThat(unknown.value()).isEqualTo("FLAGGED_FOR_REVIEW");
        assertThat(unknown.known()).isFalse();
        assertThat(unknown.messageKey()).isEqualTo("template.status.OTHER");
        assertThat(unknown.sendable()).isFalse();
    }

    @Test
    void aRecategorisationToMarketingWarnsOfTheCost() {
        Template template = pending();

        boolean changed =
                template.recategorised(TemplateCategory.UTILITY, TemplateCategory.MARKETING, T0.plusSeconds(5));

        assertThat(changed).isTrue();
        assertThat(template.category()).isEqualTo(TemplateCategory.MARKETING);
        assertThat(template.previousCategory()).isEqualTo(TemplateCategory.UTILITY);
        assertThat(template.recategorisedToCostlier()).isTrue();
        assertThat(template.details().costlierCategory()).isTrue();
    }

    @Test
    void aRepeatedOrOlderRecategorisationChangesNothing() {
        Template template = pending();
        template.recategorised(TemplateCategory.UTILITY, TemplateCategory.MARKETING, T0.plusSeconds(10));

        assertThat(template.recategorised(TemplateCategory.UTILITY, TemplateCategory.MARKETING, T0.plusSeconds(10)))
                .isFalse();
        assertThat(template.recategorised(TemplateCategory.MARKETING, TemplateCategory.UTILITY, T0.plusSeconds(5)))
                .isFalse();
        assertThat(template.category()).isEqualTo(TemplateCategory.MARKETING);
    }

    @Test
    void metasAdvanceNoticeIsShownUntilTheChangeHappens() {
        Template template = pending();

        assertThat(template.categoryAnnounced(TemplateCategory.MARKETING, T0.plusSeconds(10)))
                .isTrue();
        assertThat(template.category()).as("the category waits for the change").isEqualTo(TemplateCategory.UTILITY);
        assertThat(template.details().announcedCategory()).isEqualTo(TemplateCategory.MARKETING);

        assertThat(template.recategorised(TemplateCategory.UTILITY, TemplateCategory.MARKETING, T0.plusSeconds(20)))
                .isTrue();
        assertThat(template.announcedCategory()).isNull();
        assertThat(template.recategorisedToCostlier()).isTrue();
    }

    @Test
    void theNoticeKeepsTheDateMetaGaveForTheChangeUntilItHappens() {
        Template template = pending();
        Instant effective = T0.plus(java.time.Duration.ofDays(30));

        assertThat(template.categoryAnnounced(TemplateCategory.MARKETING, effective, T0.plusSeconds(10)))
                .isTrue();
        assertThat(template.details().announcedEffectiveAt()).isEqualTo(effective);
        assertThat(template.details().announcedAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(template.categoryAnnounced(TemplateCategory.MARKETING, effective, T0.plusSeconds(10)))
                .as("a repeat")
                .isFalse();

        template.recategorised(TemplateCategory.UTILITY, TemplateCategory.MARKETING, T0.plusSeconds(20));
        assertThat(template.details().announcedEffectiveAt()).isNull();
        assertThat(template.details().announcedAt()).isNull();
    }

    @Test
    void anOlderOrRepeatedNoticeChangesNothingAndOneNamingTodaysCategoryWithdrawsIt() {
        Template template = pending();
        template.categoryAnnounced(TemplateCategory.MARKETING, T0.plusSeconds(10));

        assertThat(template.categoryAnnounced(TemplateCategory.MARKETING, T0.plusSeconds(10)))
                .isFalse();
        assertThat(template.categoryAnnounced(TemplateCategory.UTILITY, T0.plusSeconds(5)))
                .isFalse();
        assertThat(template.announcedCategory()).isEqualTo(TemplateCategory.MARKETING);

        assertThat(template.categoryAnnounced(TemplateCategory.UTILITY, T0.plusSeconds(30)))
                .isTrue();
        assertThat(template.announcedCategory()).isNull();
    }

    @Test
    void aNoticeOlderThanTheLastRecategorisationIsStale() {
        Template template = pending();
        template.recategorised(TemplateCategory.UTILITY, TemplateCategory.MARKETING, T0.plusSeconds(20));

        assertThat(template.categoryAnnounced(TemplateCategory.UTILITY, T0.plusSeconds(10)))
                .isFalse();
        assertThat(template.announcedCategory()).isNull();
    }

    @Test
    void qualityMovesForwardOnly() {
        Template template = pending();

        assertThat(template.qualityReported("YELLOW", T0.plusSeconds(10))).isTrue();
        assertThat(template.qualityReported("GREEN", T0.plusSeconds(5))).isFalse();
        assertThat(template.qualityReported("YELLOW", T0.plusSeconds(20))).isFalse();
        assertThat(template.quality()).isEqualTo("YELLOW");
    }

    @Test
    void aTemplateMetaNoLongerListsIsDeleted() {
        Template template = pending();

        assertThat(template.missingAtMeta(T0.plusSeconds(60))).isTrue();
        assertThat(template.status()).isEqualTo(TemplateStatus.DELETED);
        assertThat(template.statusReported(TemplateStatus.APPROVED, null, null, T0.plusSeconds(120)))
                .isFalse();
    }

    @Test
    void aSyncCorrectsAStaleStatusAndTakesMetasCategory() {
        Template template = pending();

        boolean changed = template.syncedFromMeta(
                TemplateStatus.APPROVED,
                null,
                TemplateCategory.MARKETING,
                "GREEN",
                template.content(),
                T0.plusSeconds(3600));

        assertThat(changed).isTrue();
        assertThat(template.status()).isEqualTo(TemplateStatus.APPROVED);
        assertThat(template.previousCategory()).isEqualTo(TemplateCategory.UTILITY);
        assertThat(template.quality()).isEqualTo("GREEN");
    }

    private static boolean applied(Template template, Consumer<Template> news) {
        return ((StatusNews) news).apply(template);
    }

    private static Arguments news(String what, List<Consumer<Template>> news, String expected, boolean changed) {
        return Arguments.of(what, news, expected, changed);
    }

    private static Consumer<Template> status(String status, int secondsAfterCreation) {
        return new StatusNews(new TemplateStatus(status), T0.plusSeconds(secondsAfterCreation));
    }

    /** One status webhook: the status and the time Meta sent it. */
    record StatusNews(TemplateStatus status, Instant at) implements Consumer<Template> {
        boolean apply(Template template) {
            return template.statusReported(status, null, null, at);
        }

        @Override
        public void accept(Template template) {
            apply(template);
        }
    }
}
