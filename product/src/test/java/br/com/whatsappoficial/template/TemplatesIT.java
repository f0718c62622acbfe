package br.com.whatsappoficial.template;

import static br.com.whatsappoficial.template.TemplateStores.categoryUpdate;
import static br.com.whatsappoficial.template.TemplateStores.qualityUpdate;
import static br.com.whatsappoficial.template.TemplateStores.statusUpdate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.template.TemplateStores.Connected;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Templates on PostgreSQL: created at Meta, moved by Meta's webhooks (late, repeated, for templates made
 * elsewhere), corrected by the sync, capped at Meta's creations per hour, and never shown to another store.
 */
@AutoConfigureMockMvc
class TemplatesIT extends TemplatesIntegrationTest {

    static final Duration WEBHOOK = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    StoreDirectory stores;

    @Autowired
    ConnectedAccounts accounts;

    @Autowired
    Templates templates;

    @Autowired
    TemplateSync sync;

    @Autowired
    TemplateChanges changes;

    Connected shop;

    @BeforeEach
    void aStoreWithAConnectedWaba() {
        shop = TemplateStores.connectedStore(stores, accounts, "modelos");
        MetaTemplatesStub.acceptsCreations(shop.wabaId());
    }

    @Test
    void aCreatedTemplateWaitsForReviewInTheCategoryAskedFor() {
        TemplateDetails created = as(() -> templates.create(orderShipped("pedido_enviado")));

        assertThat(created.status()).isEqualTo(TemplateStatus.PENDING);
        assertThat(created.category()).isEqualTo(TemplateCategory.UTILITY);
        assertThat(created.id()).matches("\\d+");
        assertThat(as(() -> templates.find("pedido_enviado", "pt_BR"))).contains(created);
        assertThat(created.variables()).containsExactly("1", "2");
    }

    @Test
    void aTemplateMetaWouldRefuseIsNeverSent() {
        int before = MetaTemplatesStub.creationsSentTo(shop.wabaId());

        assertThatThrownBy(() -> as(() -> templates.create(TemplateRulesTest.rebody(
                        orderShipped("comeca_com_variavel"), "{{1}}, seu pedido saiu.", Map.of("1", "Ana")))))
                .isInstanceOfSatisfying(
                        TemplateRefused.class,
                        refused -> assertThat(refused.problems())
                                .extracting(TemplateProblem::code)
                                .containsExactly("body.starts-with-variable"));
        assertThat(MetaTemplatesStub.creationsSentTo(shop.wabaId())).isEqualTo(before);
    }

    @Test
    void theSameNameAndLanguageTwiceIsRefusedHere() {
        as(() -> templates.create(orderShipped("pedido_duplo")));

        assertThatThrownBy(() -> as(() -> templates.create(orderShipped("pedido_duplo"))))
                .isInstanceOfSatisfying(
                        TemplateRefused.class,
                        refused -> assertThat(refused.problems())
                                .extracting(TemplateProblem::code)
                                .containsExactly("name.taken"));
    }

    @Test
    void webhooksLateOrRepeatedNeverMoveAStatusBack() {
        TemplateDetails created = as(() -> templates.create(orderShipped("pedido_fora_de_ordem")));
        String id = created.id();

        // Meta dates its webhooks after our call returns, by its own clock: now, not when the test began.
        long now = Instant.now().getEpochSecond();
        webhook(statusUpdate(shop.wabaId(), now + 100, id, created.name(), "APPROVED", "NONE"));
        awaitStatus("pedido_fora_de_ordem", TemplateStatus.APPROVED);

        webhook(statusUpdate(shop.wabaId(), now + 50, id, created.name(), "PENDING", "NONE"));
        webhook(statusUpdate(shop.wabaId(), now + 100, id, created.name(), "APPROVED", "NONE"));
        webhook(statusUpdate(shop.wabaId(), now + 60, id, created.name(), "REJECTED", "INVALID_FORMAT"));
        webhook(qualityUpdate(shop.wabaId(), now + 120, id, created.name(), "UNKNOWN", "GREEN"));

        await().atMost(WEBHOOK)
                .untilAsserted(
                        () -> assertThat(find("pedido_fora_de_ordem").quality()).isEqualTo("GREEN"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            TemplateDetails template = find("pedido_fora_de_ordem");
            assertThat(template.status()).isEqualTo(TemplateStatus.APPROVED);
            assertThat(template.reason()).isNull();
        });
    }

    @Test
    void laterNewsAppliesInTheOrderMetaSentIt() {
        TemplateDetails created = as(() -> templates.create(orderShipped("pedido_pausado")));

        // Meta dates its webhooks after our call returns, by its own clock: now, not when the test began.
        long now = Instant.now().getEpochSecond();
        webhook(statusUpdate(shop.wabaId(), now + 300, created.id(), created.name(), "PAUSED", "NONE"));
        webhook(statusUpdate(shop.wabaId(), now + 100, created.id(), created.name(), "APPROVED", "NONE"));
        webhook(statusUpdate(shop.wabaId(), now + 300, created.id(), created.name(), "PAUSED", "NONE"));

        await().atMost(WEBHOOK)
                .during(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(find("pedido_pausado").status()).isEqualTo(TemplateStatus.PAUSED));
    }

    @Test
    void aRejectionShowsMetasReasonAndWhatToChange() throws Exception {
        TemplateDetails created = as(() -> templates.create(orderShipped("pedido_reprovado")));

        // Meta dates its webhooks after our call returns, by its own clock: now, not when the test began.
        long now = Instant.now().getEpochSecond();
        webhook(statusUpdate(shop.wabaId(), now + 10, created.id(), created.name(), "REJECTED", "INVALID_FORMAT"));

        awaitStatus("pedido_reprovado", TemplateStatus.REJECTED);
        assertThat(page("/configuracoes/whatsapp-oficial/modelos"))
                .contains(
                        "pedido_reprovado",
                        "Reprovado",
                        "O formato do modelo é inválido",
                        "Confira as variáveis e os exemplos");
    }

    @Test
    void inEnglishTheReasonAndItsFixReadAsWritten() throws Exception {
        TemplateDetails created = as(() -> templates.create(orderShipped("pedido_em_ingles")));
        long now = Instant.now().getEpochSecond();
        webhook(statusUpdate(shop.wabaId(), now + 10, created.id(), created.name(), "REJECTED", "INCORRECT_CATEGORY"));
        awaitStatus("pedido_em_ingles", TemplateStatus.REJECTED);

        String page = mvc.perform(get("/configuracoes/whatsapp-oficial/modelos")
                        .param("lang", "en")
                        .cookie(login(shop)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(page)
                .contains("Message templates", "Rejected", "Utility")
                .contains("The category does not match the template&#39;s content.")
                .contains("notices about a customer&#39;s order")
                .doesNotContain("&#39;&#39;", "template.rejection");
    }

    @Test
    void aRecategorisationWarnsOfWhatItCosts() throws Exception {
        TemplateDetails created = as(() -> templates.create(orderShipped("pedido_promocional")));

        // Meta dates its webhooks after our call returns, by its own clock: now, not when the test began.
        long now = Instant.now().getEpochSecond();
        webhook(categoryUpdate(shop.wabaId(), now + 10, created.id(), created.name(), "UTILITY", "MARKETING"));
        webhook(qualityUpdate(shop.wabaId(), now + 20, created.id(), created.name(), "GREEN", "YELLOW"));

        await().atMost(WEBHOOK).untilAsserted(() -> {
            TemplateDetails template = find("pedido_promocional");
            assertThat(template.category()).isEqualTo(TemplateCategory.MARKETING);
            assertThat(template.previousCategory()).isEqualTo(TemplateCategory.UTILITY);
            assertThat(template.quality()).isEqualTo("YELLOW");
        });
        assertThat(page("/configuracoes/whatsapp-oficial/modelos"))
                .contains("A Meta mudou a categoria de Utilidade para Marketing", "cobrado como Marketing", "Média");
    }

    /** How the pages write a time: São Paulo's, day first. */
    static final java.time.format.DateTimeFormatter SAO_PAULO_TIME = java.time.format.DateTimeFormatter.ofPattern(
                    "dd/MM/yyyy 'às' HH:mm")
            .withZone(java.time.ZoneId.of("America/Sao_Paulo"));

    @Test
    void aNoticeWithoutADateSaysSoAndWhenItArrived() throws Exception {
        TemplateDetails created = as(() -> templates.create(orderShipped("pedido_sem_data")));

        long time = Instant.now().getEpochSecond() + 10;
        webhook(TemplateStores.categoryNotice(shop.wabaId(), time, created.id(), created.name(), "UTILITY", "MARKETING")
                .replaceAll(",\"category_update_timestamp\":\\d+", ""));

        await().atMost(WEBHOOK)
                .untilAsserted(() ->
                        assertThat(find("pedido_sem_data").announcedCategory()).isEqualTo(TemplateCategory.MARKETING));
        assertThat(find("pedido_sem_data").announcedEffectiveAt()).isNull();
        assertThat(page("/configuracoes/whatsapp-oficial/modelos"))
                .contains("A Meta não disse quando a mudança vale; o aviso chegou em "
                        + SAO_PAULO_TIME.format(Instant.ofEpochSecond(time)) + ".");
    }

    @Test
    void metasAdvanceNoticeOfARecategorisationWarnsBeforeItHappens() throws Exception {
        TemplateDetails created = as(() -> templates.create(orderShipped("pedido_com_aviso")));

        long now = Instant.now().getEpochSecond();
        webhook(TemplateStores.categoryNotice(
                shop.wabaId(), now + 10, created.id(), created.name(), "UTILITY", "MARKETING"));

        await().atMost(WEBHOOK)
                .untilAsserted(() ->
                        assertThat(find("pedido_com_aviso").announcedCategory()).isEqualTo(TemplateCategory.MARKETING));
        assertThat(find("pedido_com_aviso").category()).isEqualTo(TemplateCategory.UTILITY);
        assertThat(page("/configuracoes/whatsapp-oficial/modelos"))
                .contains("A Meta avisou que vai mudar a categoria deste modelo de Utilidade para Marketing.")
                .contains("A mudança vale a partir de "
                        + SAO_PAULO_TIME.format(Instant.ofEpochSecond(now + 10 + 7 * 24 * 3600)) + ".")
                .contains("Depois da mudança, cada envio será cobrado como Marketing")
                .doesNotContain("A Meta mudou a categoria");

        webhook(categoryUpdate(shop.wabaId(), now + 20, created.id(), created.name(), "UTILITY", "MARKETING"));

        await().atMost(WEBHOOK)
                .untilAsserted(
                        () -> assertThat(find("pedido_com_aviso").category()).isEqualTo(TemplateCategory.MARKETING));
        assertThat(find("pedido_com_aviso").announcedCategory()).isNull();
        assertThat(page("/configuracoes/whatsapp-oficial/modelos"))
                .contains("A Meta mudou a categoria de Utilidade para Marketing")
                .doesNotContain("A Meta avisou que vai mudar");
    }

    @Test
    void anEditedApprovedTemplateGoesBackToReviewWithItsNewTextAndFollowsTheWebhooks() {
        TemplateDetails approved = approved("pedido_editado");
        MetaTemplatesStub.acceptsEdits(approved.id());

        TemplateDetails edited = as(() -> changes.edit(template(approved), rewritten("pedido_editado")));

        assertThat(edited.status()).isEqualTo(TemplateStatus.PENDING);
        assertThat(find("pedido_editado").content().body()).isEqualTo("Oi {{1}}, seu pedido já está a caminho.");
        assertThat(MetaTemplatesStub.editsSentTo(approved.id()))
                .singleElement()
                .satisfies(body -> assertThat(body)
                        .contains("Oi {{1}}, seu pedido já está a caminho.")
                        .doesNotContain("\"category\""));

        long now = Instant.now().getEpochSecond();
        webhook(statusUpdate(shop.wabaId(), now + 200, approved.id(), approved.name(), "APPROVED", "NONE"));
        awaitStatus("pedido_editado", TemplateStatus.APPROVED);
    }

    @Test
    void aSecondEditOfAnApprovedTemplateWithin24HoursIsRefusedBeforeMeta() throws Exception {
        TemplateDetails approved = approved("pedido_duas_vezes");
        MetaTemplatesStub.acceptsEdits(approved.id());
        as(() -> changes.edit(template(approved), rewritten("pedido_duas_vezes")));
        long now = Instant.now().getEpochSecond();
        webhook(statusUpdate(shop.wabaId(), now + 200, approved.id(), approved.name(), "APPROVED", "NONE"));
        awaitStatus("pedido_duas_vezes", TemplateStatus.APPROVED);

        assertThatThrownBy(() -> as(() -> changes.edit(template(approved), rewritten("pedido_duas_vezes"))))
                .isInstanceOfSatisfying(TemplateEditsExhausted.class, exhausted -> {
                    assertThat(exhausted.window()).isEqualTo(TemplateEditsExhausted.Window.DAY);
                    assertThat(exhausted.retryAt()).isAfter(Instant.now().plus(Duration.ofHours(23)));
                });
        assertThat(MetaTemplatesStub.editsSentTo(approved.id())).hasSize(1);
        // The editor says so up front, before the merchant types anything.
        assertThat(page("/configuracoes/whatsapp-oficial/modelos/" + approved.id() + "/editar"))
                .contains("A Meta deixa editar um modelo aprovado uma vez a cada 24 horas. Este já foi editado;")
                .contains("a próxima edição é possível a partir de");
    }

    @Test
    void aTemplateUnderReviewOrACategoryChangeOutsideARejectionIsRefusedBeforeMeta() {
        TemplateDetails pending = as(() -> templates.create(orderShipped("pedido_em_analise")));
        TemplateDetails approved = approved("pedido_de_utilidade");

        assertThatThrownBy(() -> as(() -> changes.edit(template(pending), rewritten("pedido_em_analise"))))
                .isInstanceOfSatisfying(
                        TemplateRefused.class,
                        refused -> assertThat(refused.problems())
                                .extracting(TemplateProblem::code)
                                .containsExactly("edit.under-review"));
        assertThatThrownBy(() -> as(() -> changes.edit(
                        template(approved),
                        recategorised(rewritten("pedido_de_utilidade"), TemplateCategory.MARKETING))))
                .isInstanceOfSatisfying(
                        TemplateRefused.class,
                        refused -> assertThat(refused.problems())
                                .extracting(TemplateProblem::code)
                                .containsExactly("edit.category"));
        assertThat(MetaTemplatesStub.editsSentTo(pending.id())).isEmpty();
        assertThat(MetaTemplatesStub.editsSentTo(approved.id())).isEmpty();
    }

    @Test
    void aRejectedTemplateMayChangeCategoryAndAnyNumberOfTimes() {
        TemplateDetails created = as(() -> templates.create(orderShipped("oferta_reprovada")));
        long now = Instant.now().getEpochSecond();
        webhook(statusUpdate(shop.wabaId(), now + 10, created.id(), created.name(), "REJECTED", "PROMOTIONAL"));
        awaitStatus("oferta_reprovada", TemplateStatus.REJECTED);
        MetaTemplatesStub.acceptsEdits(created.id());

        TemplateDetails edited = as(() -> changes.edit(
                template(created), recategorised(rewritten("oferta_reprovada"), TemplateCategory.MARKETING)));

        assertThat(edited.category()).isEqualTo(TemplateCategory.MARKETING);
        assertThat(edited.status()).isEqualTo(TemplateStatus.PENDING);
        assertThat(edited.reason()).isNull();
        assertThat(MetaTemplatesStub.editsSentTo(created.id()))
                .singleElement()
                .satisfies(body -> assertThat(body).contains("\"category\":\"MARKETING\""));
        webhook(statusUpdate(shop.wabaId(), now + 200, created.id(), created.name(), "REJECTED", "PROMOTIONAL"));
        awaitStatus("oferta_reprovada", TemplateStatus.REJECTED);
        as(() -> changes.edit(
                template(created), recategorised(rewritten("oferta_reprovada"), TemplateCategory.MARKETING)));
        assertThat(MetaTemplatesStub.editsSentTo(created.id())).hasSize(2);
    }

    @Test
    void aRefusedEditShowsWhyAndKeepsWhatTheMerchantTyped() throws Exception {
        TemplateDetails pending = as(() -> templates.create(orderShipped("pedido_sem_pressa")));

        MvcResult answer = mvc.perform(post("/configuracoes/whatsapp-oficial/modelos/" + pending.id() + "/editar")
                        .cookie(login(shop))
                        .with(csrf())
                        .param("name", "outro_nome")
                        .param("category", "UTILITY")
                        .param("language", "pt_BR")
                        .param("body", "Oi {{1}}, texto novo que eu escrevi com calma.")
                        .param("examples[1]", "Bia")
                        .param("footer", "Rodapé novo"))
                .andReturn();

        assertThat(answer.getResponse().getStatus()).isEqualTo(422);
        assertThat(answer.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Este modelo está em análise na Meta: espere a decisão para editá-lo.")
                .contains("Oi {{1}}, texto novo que eu escrevi com calma.", "value=\"Bia\"", "value=\"Rodapé novo\"")
                .contains("value=\"pedido_sem_pressa\"")
                .doesNotContain("outro_nome");
        assertThat(MetaTemplatesStub.editsSentTo(pending.id())).isEmpty();
    }

    @Test
    void metasOwnRefusalOfAnEditIsShownAndChangesNothing() throws Exception {
        TemplateDetails approved = approved("pedido_recusado_na_edicao");
        MetaTemplatesStub.refusesEdits(approved.id(), "O conteúdo do modelo não pode ser alterado agora.");

        String answer = mvc.perform(post("/configuracoes/whatsapp-oficial/modelos/" + approved.id() + "/editar")
                        .cookie(login(shop))
                        .with(csrf())
                        .param("category", "UTILITY")
                        .param("body", "Oi {{1}}, seu pedido já está a caminho.")
                        .param("examples[1]", "Ana"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(answer)
                .contains("A Meta recusou a alteração: O conteúdo do modelo não pode ser alterado agora. (código 100)")
                .contains("Oi {{1}}, seu pedido já está a caminho.");
        assertThat(find("pedido_recusado_na_edicao").status()).isEqualTo(TemplateStatus.APPROVED);
        assertThat(find("pedido_recusado_na_edicao").content().body()).startsWith("Olá {{1}}, seu pedido saiu");
    }

    @Test
    void theEditorOpensWithTheTemplateAsItIsAndItsCategoryLockedOutsideARejection() throws Exception {
        TemplateDetails approved = approved("pedido_para_abrir");

        String editor = page("/configuracoes/whatsapp-oficial/modelos/" + approved.id() + "/editar");

        assertThat(editor)
                .contains("Editar o modelo pedido_para_abrir")
                .contains("Olá {{1}}, seu pedido saiu para entrega e chega até {{2}}.")
                .contains("value=\"sexta-feira\"", "value=\"Falar com a loja\"")
                .contains("a Meta só deixa mudar a categoria de um modelo reprovado")
                .contains("uma vez a cada 24 horas e no máximo 10 vezes em 30 dias");
        assertThat(mvc.perform(get("/configuracoes/whatsapp-oficial/modelos/999999999/editar")
                                .cookie(login(shop)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void inEnglishTheEditorAndTheDeletionReadAsWritten() throws Exception {
        TemplateDetails approved = approved("pedido_em_ingles_editado");

        for (String path : List.of("/editar", "/excluir")) {
            String page = mvc.perform(get("/configuracoes/whatsapp-oficial/modelos/" + approved.id() + path)
                            .param("lang", "en")
                            .cookie(login(shop)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).doesNotContain("??", "&#39;&#39;");
            assertThat(page)
                    .containsAnyOf(
                            "Edit template pedido_em_ingles_editado", "Delete template pedido_em_ingles_editado?");
        }
    }

    @Test
    void aDeletionGoesToMetaByNameAndTakesEveryLanguageOffTheList() throws Exception {
        MetaTemplatesStub.acceptsDeletions(shop.wabaId());
        TemplateDetails portuguese = approved("aviso_bilingue");
        as(() -> templates.create(inLanguage(orderShipped("aviso_bilingue"), "en_US")));

        String confirmation = page("/configuracoes/whatsapp-oficial/modelos/" + portuguese.id() + "/excluir");
        assertThat(confirmation)
                .contains("Excluir o modelo aviso_bilingue?")
                .contains("em todos os idiomas", "Português (Brasil)", "Inglês (EUA)")
                .contains("não pode ser usado num modelo novo por 30 dias");

        MvcResult deleted = mvc.perform(post("/configuracoes/whatsapp-oficial/modelos/" + portuguese.id() + "/excluir")
                        .cookie(login(shop))
                        .with(csrf()))
                .andReturn();

        assertThat(deleted.getResponse().getRedirectedUrl()).isEqualTo("/configuracoes/whatsapp-oficial/modelos");
        assertThat((java.util.Map<String, Object>) deleted.getFlashMap())
                .containsEntry("deleted", "aviso_bilingue")
                .containsEntry("deletedLanguages", 2);
        assertThat(MetaTemplatesStub.deletionsSentTo(shop.wabaId())).containsExactly("aviso_bilingue");
        assertThat(find("aviso_bilingue").status()).isEqualTo(TemplateStatus.DELETED);
        assertThat(as(() -> templates.find("aviso_bilingue", "en_US")))
                .hasValueSatisfying(english -> assertThat(english.status()).isEqualTo(TemplateStatus.DELETED));
        assertThat(page("/configuracoes/whatsapp-oficial/modelos")).doesNotContain("aviso_bilingue");
        // A late webhook of the review before the deletion brings nothing back.
        long now = Instant.now().getEpochSecond();
        webhook(statusUpdate(shop.wabaId(), now + 300, portuguese.id(), portuguese.name(), "APPROVED", "NONE"));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(find("aviso_bilingue").status()).isEqualTo(TemplateStatus.DELETED));
    }

    @Test
    void aTemplateMadeInWhatsAppManagerArrivesWithItsFirstWebhook() {
        String id = MetaTemplatesStub.id();

        // Meta dates its webhooks after our call returns, by its own clock: now, not when the test began.
        long now = Instant.now().getEpochSecond();
        webhook(statusUpdate(shop.wabaId(), now, id, "feito_no_gerenciador", "APPROVED", "NONE"));

        awaitStatus("feito_no_gerenciador", TemplateStatus.APPROVED);
        assertThat(find("feito_no_gerenciador").id()).isEqualTo(id);
    }

    @Test
    void theSyncAddsTemplatesMadeElsewhereCorrectsStaleOnesAndMarksDeletedOnes() {
        MetaTemplatesStub.ListedIds listed = MetaTemplatesStub.listsRecordedTemplates(shop.wabaId());
        String goneId = MetaTemplatesStub.id();
        // Meta dates its webhooks after our call returns, by its own clock: now, not when the test began.
        long now = Instant.now().getEpochSecond();
        long anHourAgo = now - 3600;
        // A lost webhook: we still think pedido_enviado is under review; and one deleted in WhatsApp Manager.
        webhook(statusUpdate(shop.wabaId(), anHourAgo, listed.approved(), "pedido_enviado", "PENDING", "NONE"));
        webhook(statusUpdate(shop.wabaId(), anHourAgo, goneId, "apagado_no_gerenciador", "APPROVED", "NONE"));
        awaitStatus("pedido_enviado", TemplateStatus.PENDING);
        awaitStatus("apagado_no_gerenciador", TemplateStatus.APPROVED);

        assertThat(as(templates::synchronize)).isTrue();

        assertThat(find("pedido_enviado").status()).isEqualTo(TemplateStatus.APPROVED);
        assertThat(find("pedido_enviado").content().body()).startsWith("Olá {{1}}, seu pedido saiu");
        assertThat(find("pedido_enviado").quality()).isEqualTo("GREEN");
        TemplateDetails rejected = find("promocao_relampago");
        assertThat(rejected.status()).isEqualTo(TemplateStatus.REJECTED);
        assertThat(rejected.reason()).isEqualTo(new RejectionReason("INVALID_FORMAT"));
        assertThat(rejected.parameterFormat()).isEqualTo(ParameterFormat.NAMED);
        assertThat(rejected.content().examples()).containsEntry("nome", "Ana");
        assertThat(find("codigo_de_acesso").status()).isEqualTo(TemplateStatus.PAUSED);
        assertThat(find("codigo_de_acesso").category()).isEqualTo(TemplateCategory.AUTHENTICATION);
        assertThat(find("apagado_no_gerenciador").status()).isEqualTo(TemplateStatus.DELETED);
        assertThat(as(templates::lastSynchronized)).isPresent();
    }

    @Test
    void aNewlyConnectedWabaHasItsTemplatesReadWithoutAnyoneAsking() {
        Connected fresh = TemplateStores.connectedStore(stores, accounts, "recem");
        MetaTemplatesStub.listsRecordedTemplates(fresh.wabaId());

        await().atMost(WEBHOOK).untilAsserted(() -> {
            sync.syncDue();
            assertThat(CurrentStore.callAs(fresh.store(), () -> templates.find("promocao_relampago", "pt_BR")))
                    .hasValueSatisfying(found -> assertThat(found.status()).isEqualTo(TemplateStatus.REJECTED));
        });
    }

    @Test
    void aJustConnectedAccountSaysItsFirstSyncIsScheduledUntilMetaAnswers() throws Exception {
        Connected fresh = TemplateStores.connectedStore(stores, accounts, "agendada");
        MetaTemplatesStub.listsRecordedTemplates(fresh.wabaId());

        assertThat(page(fresh, "/configuracoes/whatsapp-oficial/modelos/lista"))
                .contains("Sincronização agendada", "every 5s")
                .doesNotContain("Ainda não sincronizado");

        await().atMost(WEBHOOK).untilAsserted(() -> {
            sync.syncDue();
            assertThat(page(fresh, "/configuracoes/whatsapp-oficial/modelos/lista"))
                    .contains("Última sincronização", "promocao_relampago")
                    .doesNotContain("Sincronização agendada");
        });
    }

    @Test
    void aFirstSyncMetaDidNotAnswerSaysWhenItTriesAgain() throws Exception {
        // No list stubbed for this WABA: Meta answers 404 without an envelope.
        Connected fresh = TemplateStores.connectedStore(stores, accounts, "sem-resposta");

        await().atMost(WEBHOOK).untilAsserted(() -> {
            sync.syncDue();
            assertThat(page(fresh, "/configuracoes/whatsapp-oficial/modelos/lista"))
                    .contains("A Meta não respondeu à última sincronização. Nova tentativa a partir de")
                    .doesNotContain("Última sincronização", "Sincronização agendada");
        });
    }

    @Test
    void aSyncThatCannotReachMetaSaysSo() {
        // No list stubbed for this WABA: Meta answers 404 without an envelope.
        assertThat(as(templates::synchronize)).isFalse();
    }

    @Test
    void theHundredAndFirstCreationOfTheHourIsRefusedBeforeCallingMeta() throws Exception {
        for (int i = 0; i < 100; i++) {
            String name = "lote_" + i;
            as(() -> templates.create(orderShipped(name)));
        }
        int sent = MetaTemplatesStub.creationsSentTo(shop.wabaId());

        assertThatThrownBy(() -> as(() -> templates.create(orderShipped("lote_100"))))
                .isInstanceOfSatisfying(
                        TemplateCreationsExhausted.class,
                        exhausted -> assertThat(exhausted.retryAt())
                                .isAfter(Instant.now().plus(Duration.ofMinutes(50))));
        assertThat(MetaTemplatesStub.creationsSentTo(shop.wabaId())).isEqualTo(sent);
        assertThat(sent).isEqualTo(100);

        String answer = mvc.perform(post("/configuracoes/whatsapp-oficial/modelos")
                        .cookie(login(shop))
                        .with(csrf())
                        .param("name", "lote_101")
                        .param("category", "UTILITY")
                        .param("language", "pt_BR")
                        .param("body", "Olá, seu pedido saiu para entrega."))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer).contains("A conta já enviou 100 modelos para análise na última hora");
    }

    @Test
    void metasOwnThrottlingIsTheSameLimitToTheMerchant() {
        MetaTemplatesStub.throttlesCreations(shop.wabaId());

        assertThatThrownBy(() -> as(() -> templates.create(orderShipped("barrado_pela_meta"))))
                .isInstanceOf(TemplateCreationsExhausted.class);
        assertThat(as(() -> templates.find("barrado_pela_meta", "pt_BR"))).isEmpty();
    }

    @Test
    void anotherStoreNeverSeesTheseTemplates() throws Exception {
        TemplateDetails ours = as(() -> templates.create(orderShipped("segredo_da_loja_a")));
        // Meta dates its webhooks after our call returns, by its own clock: now, not when the test began.
        long now = Instant.now().getEpochSecond();
        webhook(statusUpdate(shop.wabaId(), now + 10, ours.id(), ours.name(), "APPROVED", "NONE"));
        awaitStatus("segredo_da_loja_a", TemplateStatus.APPROVED);
        Connected other = TemplateStores.connectedStore(stores, accounts, "vizinha");
        MetaTemplatesStub.listsRecordedTemplates(other.wabaId());

        List<TemplateDetails> theirs = CurrentStore.callAs(other.store(), () -> {
            templates.synchronize();
            return templates.list();
        });

        assertThat(theirs)
                .extracting(TemplateDetails::name)
                .doesNotContain("segredo_da_loja_a")
                .isNotEmpty();
        assertThat(CurrentStore.callAs(other.store(), () -> templates.find("segredo_da_loja_a", "pt_BR")))
                .isEmpty();
        String page = mvc.perform(get("/configuracoes/whatsapp-oficial/modelos").cookie(login(other)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("promocao_relampago").doesNotContain("segredo_da_loja_a");
        assertThat(as(templates::list)).extracting(TemplateDetails::name).doesNotContain("promocao_relampago");
    }

    @Test
    void theEditorPreviewFillsTheExamplesAndExplainsWhatMetaWouldRefuse() throws Exception {
        MvcResult preview = mvc.perform(post("/configuracoes/whatsapp-oficial/modelos/previa")
                        .cookie(login(shop))
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("name", "Pedido Enviado")
                        .param("category", "UTILITY")
                        .param("body", "Olá {{nome}}, seu pedido {{pedido}}")
                        .param("examples[nome]", "Ana")
                        .param("footer", "Loja Exemplo"))
                .andReturn();

        assertThat(preview.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Olá Ana, seu pedido {{pedido}}", "Loja Exemplo")
                .contains("O nome só pode ter letras minúsculas")
                .contains("O texto não pode terminar com uma variável")
                .contains("Dê um exemplo para a variável {{pedido}}")
                .contains("count-body", "35/1.024 caracteres")
                .doesNotContain("<html");
    }

    @Test
    void aRefusedFormKeepsWhatTheMerchantTypedWithTheErrors() throws Exception {
        MvcResult answer = mvc.perform(post("/configuracoes/whatsapp-oficial/modelos")
                        .cookie(login(shop))
                        .with(csrf())
                        .param("name", "aviso")
                        .param("category", "UTILITY")
                        .param("body", "{{1}} chegou")
                        .param("examples[1]", "Seu pedido")
                        .param("buttons[0].type", "URL")
                        .param("buttons[0].text", "Acompanhar")
                        .param("buttons[0].value", "loja.example"))
                .andReturn();

        assertThat(answer.getResponse().getStatus()).isEqualTo(422);
        assertThat(answer.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("A Meta recusaria este modelo", "O texto não pode começar com uma variável")
                .contains("precisa de um endereço que comece com https://")
                .contains("{{1}} chegou", "value=\"Seu pedido\"");
    }

    /** A template of the shop Meta approved. */
    private TemplateDetails approved(String name) {
        TemplateDetails created = as(() -> templates.create(orderShipped(name)));
        long now = Instant.now().getEpochSecond();
        webhook(statusUpdate(shop.wabaId(), now + 10, created.id(), created.name(), "APPROVED", "NONE"));
        awaitStatus(name, TemplateStatus.APPROVED);
        return find(name);
    }

    private Template template(TemplateDetails details) {
        return as(() -> changes.find(details.id())).orElseThrow();
    }

    static NewTemplate rewritten(String name) {
        return new NewTemplate(
                name,
                TemplateCategory.UTILITY,
                "pt_BR",
                null,
                null,
                "Oi {{1}}, seu pedido já está a caminho.",
                "Loja Exemplo",
                List.of(),
                Map.of("1", "Ana"),
                null,
                null);
    }

    static NewTemplate recategorised(NewTemplate template, TemplateCategory category) {
        return new NewTemplate(
                template.name(),
                category,
                template.language(),
                template.header(),
                template.headerExample(),
                template.body(),
                template.footer(),
                template.buttons(),
                template.examples(),
                null,
                null);
    }

    static NewTemplate inLanguage(NewTemplate template, String language) {
        return new NewTemplate(
                template.name(),
                template.category(),
                language,
                template.header(),
                template.headerExample(),
                template.body(),
                template.footer(),
                template.buttons(),
                template.examples(),
                null,
                null);
    }

    private TemplateDetails find(String name) {
        return CurrentStore.callAs(shop.store(), () -> templates.find(name, "pt_BR"))
                .orElseThrow(() -> new AssertionError(name + " is not recorded"));
    }

    private void awaitStatus(String name, TemplateStatus status) {
        await().atMost(WEBHOOK)
                .untilAsserted(() -> assertThat(CurrentStore.callAs(
                                shop.store(),
                                () -> templates.find(name, "pt_BR").map(TemplateDetails::status)))
                        .contains(status));
    }

    private void webhook(String body) {
        assertThat(TemplateStores.webhook(port, body)).isEqualTo(200);
    }

    private <T> T as(ScopedValue.CallableOp<T, RuntimeException> work) {
        return CurrentStore.callAs(shop.store(), work);
    }

    private String page(String path) throws Exception {
        return page(shop, path);
    }

    private String page(Connected store, String path) throws Exception {
        return mvc.perform(get(path).cookie(login(store)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private Cookie login(Connected store) throws Exception {
        return mvc.perform(formLogin("/login").user(store.email()).password(store.password()))
                .andReturn()
                .getResponse()
                .getCookie("WO_SESSION");
    }

    static NewTemplate orderShipped(String name) {
        return new NewTemplate(
                name,
                TemplateCategory.UTILITY,
                "pt_BR",
                null,
                null,
                "Olá {{1}}, seu pedido saiu para entrega e chega até {{2}}.",
                "Loja Exemplo",
                List.of(new TemplateButton(TemplateButton.Type.QUICK_REPLY, "Falar com a loja", null)),
                Map.of("1", "Ana", "2", "sexta-feira"),
                null,
                null);
    }
}
