package br.com.whatsappoficial.template;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.testsupport.Browsers;
import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.template.TemplateStores.Connected;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A merchant in a real Chromium writes a template with the live preview, sends it to Meta's review and
 * watches Meta's decisions arrive on the list without reloading it. Meta's decisions come as signed
 * webhooks until the sandbox reviews templates itself.
 */
class TemplatesBrowserIT extends TemplatesIntegrationTest {

    static final int PHONE_WIDTH = 390;
    static final LocatorAssertions.HasTextOptions POLLING = new LocatorAssertions.HasTextOptions().setTimeout(30_000);
    static final LocatorAssertions.ContainsTextOptions CONTAINS_POLLING =
            new LocatorAssertions.ContainsTextOptions().setTimeout(30_000);

    @LocalServerPort
    int port;

    @Autowired
    StoreDirectory stores;

    @Autowired
    ConnectedAccounts accounts;

    @Autowired
    Templates templates;

    @Autowired
    TemplateSync sync;

    Connected shop;
    final List<String> failedRequests = new CopyOnWriteArrayList<>();
    BrowserContext browser;
    Page page;

    @BeforeEach
    void loggedInWithAConnectedNumber() {
        shop = TemplateStores.connectedStore(stores, accounts, "navegador");
        MetaTemplatesStub.acceptsCreations(shop.wabaId());
        browser = Browsers.brazilianContext();
        page = browser.newPage();
        // A failed htmx request (a wrong URL in a fragment) fails the journey instead of going unnoticed.
        page.onResponse(response -> {
            if (response.status() >= 400 && "true".equals(response.request().headerValue("hx-request"))) {
                failedRequests.add(response.status() + " " + response.url());
            }
        });
        Browsers.logIn(page, url(""), shop.email(), shop.password());
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
        assertThat(failedRequests).as("htmx requests the server refused").isEmpty();
    }

    @Test
    void createsATemplateAndSeesMetasDecisionsWithoutReloading() {
        page.navigate(url("/configuracoes/whatsapp-oficial/status"));
        page.getByTestId("templates-link").click();
        assertThat(page).hasURL(Pattern.compile("/configuracoes/whatsapp-oficial/modelos$"));
        assertThat(page.getByText("Nenhum modelo ainda")).isVisible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Novo modelo"))
                .click();
        assertThat(page).hasURL(Pattern.compile("/modelos/novo$"));
        // A person cannot type before the page has loaded; Playwright can, before htmx listens.
        page.waitForLoadState(LoadState.LOAD);
        page.getByLabel("Nome do modelo").fill("pedido_enviado");
        page.getByLabel("Texto da mensagem").fill("Olá {{1}}, seu pedido saiu para entrega e chega até {{2}}.");
        // The examples' fields follow the variables the merchant wrote.
        page.getByLabel("Exemplo de {{1}}").fill("Ana");
        page.getByLabel("Exemplo de {{2}}").fill("sexta-feira");
        page.getByLabel("Rodapé (opcional)").fill("Loja Navegador");
        page.getByLabel("Tipo do botão 1").selectOption("QUICK_REPLY");
        page.getByLabel("Texto do botão 1").fill("Falar com a loja");

        Locator bubble = page.getByTestId("preview-bubble");
        assertThat(bubble).containsText("Olá Ana, seu pedido saiu para entrega e chega até sexta-feira.");
        assertThat(bubble).containsText("Loja Navegador");
        assertThat(page.locator(".bubble-buttons")).containsText("Falar com a loja");
        assertThat(page.locator("#count-body")).hasText("58/1.024 caracteres");
        assertThat(page.getByText("Pronto para enviar à Meta.")).isVisible();
        shoot("templates-editor-1280");
        page.setViewportSize(PHONE_WIDTH, 844);
        shoot("templates-editor-390");
        assertThat(scrollWidth()).as("editor at 390 px").isLessThanOrEqualTo(PHONE_WIDTH);
        page.setViewportSize(1280, 900);

        page.getByTestId("send-template").click();

        assertThat(page).hasURL(Pattern.compile("/configuracoes/whatsapp-oficial/modelos$"));
        assertThat(page.getByTestId("template-created")).containsText("pedido_enviado");
        Locator status = row("pedido_enviado").getByTestId("template-status");
        assertThat(status).hasText("Em análise");
        page.evaluate("window.notReloaded = true");

        TemplateDetails created = find("pedido_enviado");
        webhook(TemplateStores.statusUpdate(
                shop.wabaId(), Instant.now().getEpochSecond(), created.id(), created.name(), "APPROVED", "NONE"));

        assertThat(status).hasText("Aprovado", POLLING);

        TemplateDetails promo =
                CurrentStore.callAs(shop.store(), () -> templates.create(TemplatesIT.orderShipped("oferta_da_semana")));
        webhook(TemplateStores.statusUpdate(
                shop.wabaId(), Instant.now().getEpochSecond(), promo.id(), promo.name(), "REJECTED", "PROMOTIONAL"));

        Locator rejected = row("oferta_da_semana");
        assertThat(rejected.getByTestId("template-status")).hasText("Reprovado", POLLING);
        assertThat(rejected.getByTestId("template-reason"))
                .hasText("A Meta considerou o conteúdo promocional para a categoria Utilidade.");
        assertThat(rejected.getByTestId("template-fix")).containsText("Tire ofertas, descontos");
        assertThat(page.evaluate("window.notReloaded === true")).isEqualTo(true);
        shoot("templates-list-1280");

        page.setViewportSize(PHONE_WIDTH, 844);
        page.reload();
        assertThat(row("oferta_da_semana").getByTestId("template-status")).hasText("Reprovado");
        shoot("templates-list-390");
        assertThat(scrollWidth()).as("list at 390 px").isLessThanOrEqualTo(PHONE_WIDTH);
    }

    @Test
    void aJustConnectedAccountShowsItsQueuedSyncThenItsTemplatesWithoutReloading() {
        MetaTemplatesStub.listsRecordedTemplates(shop.wabaId());
        page.navigate(url("/configuracoes/whatsapp-oficial/modelos"));

        Locator label = page.getByTestId("last-sync");
        assertThat(label).containsText("Sincronização agendada");
        page.evaluate("window.notReloaded = true");
        shoot("templates-sync-scheduled-1280");

        // The scheduler waits an hour in the tests: run the queued sync as it would.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> {
                    sync.syncDue();
                    return CurrentStore.callAs(shop.store(), templates::lastSynchronized)
                            .isPresent();
                });

        assertThat(label).containsText("Última sincronização", CONTAINS_POLLING);
        assertThat(row("promocao_relampago").getByTestId("template-status")).hasText("Reprovado", POLLING);
        assertThat(page.evaluate("window.notReloaded === true")).isEqualTo(true);
        page.setViewportSize(PHONE_WIDTH, 844);
        shoot("templates-synced-390");
        assertThat(scrollWidth()).as("synced list at 390 px").isLessThanOrEqualTo(PHONE_WIDTH);
    }

    @Test
    void editsAnApprovedTemplateThenDeletesItAfterSeeingWhatTheDeletionTakes() {
        MetaTemplatesStub.acceptsDeletions(shop.wabaId());
        TemplateDetails created =
                CurrentStore.callAs(shop.store(), () -> templates.create(TemplatesIT.orderShipped("pedido_enviado")));
        MetaTemplatesStub.acceptsEdits(created.id());
        long now = Instant.now().getEpochSecond();
        webhook(TemplateStores.statusUpdate(shop.wabaId(), now, created.id(), created.name(), "APPROVED", "NONE"));
        TemplateDetails promo =
                CurrentStore.callAs(shop.store(), () -> templates.create(TemplatesIT.orderShipped("aviso_de_oferta")));
        webhook(TemplateStores.statusUpdate(shop.wabaId(), now, promo.id(), promo.name(), "APPROVED", "NONE"));
        webhook(TemplateStores.categoryNotice(
                shop.wabaId(), now + 5, promo.id(), promo.name(), "UTILITY", "MARKETING"));

        page.navigate(url("/configuracoes/whatsapp-oficial/modelos"));
        assertThat(row("pedido_enviado").getByTestId("template-status")).hasText("Aprovado", POLLING);
        assertThat(row("aviso_de_oferta").getByTestId("category-announced"))
                .hasText("A Meta avisou que vai mudar a categoria deste modelo de Utilidade para Marketing.", POLLING);
        shoot("templates-list-actions-1280");
        page.setViewportSize(PHONE_WIDTH, 844);
        shoot("templates-list-actions-390");
        assertThat(scrollWidth()).as("list with actions at 390 px").isLessThanOrEqualTo(PHONE_WIDTH);
        page.setViewportSize(1280, 900);

        row("pedido_enviado").getByTestId("edit-template").click();
        assertThat(page).hasURL(Pattern.compile("/modelos/" + created.id() + "/editar$"));
        page.waitForLoadState(LoadState.LOAD);
        assertThat(page.getByLabel("Nome do modelo")).hasValue("pedido_enviado");
        assertThat(page.getByLabel("Nome do modelo")).not().isEditable();
        assertThat(page.getByLabel("Categoria")).isDisabled();
        assertThat(page.getByLabel("Exemplo de {{2}}")).hasValue("sexta-feira");
        assertThat(page.getByTestId("edit-rules")).containsText("uma vez a cada 24 horas");
        page.getByLabel("Texto da mensagem").fill("Oi {{1}}, seu pedido já está a caminho e chega até {{2}}.");
        assertThat(page.getByTestId("preview-bubble"))
                .containsText("Oi Ana, seu pedido já está a caminho e chega até sexta-feira.");
        // The counter beside the text follows it; none of them lands inside the preview.
        assertThat(page.locator("#count-body")).hasText("57/1.024 caracteres");
        assertThat(page.locator("#preview")).not().containsText("caracteres");
        shoot("templates-edit-1280");
        page.setViewportSize(PHONE_WIDTH, 844);
        shoot("templates-edit-390");
        assertThat(scrollWidth()).as("edit at 390 px").isLessThanOrEqualTo(PHONE_WIDTH);
        page.setViewportSize(1280, 900);

        page.getByTestId("send-template").click();

        assertThat(page).hasURL(Pattern.compile("/configuracoes/whatsapp-oficial/modelos$"));
        assertThat(page.getByTestId("template-edited")).containsText("pedido_enviado");
        Locator status = row("pedido_enviado").getByTestId("template-status");
        assertThat(status).hasText("Em análise");
        page.evaluate("window.notReloaded = true");
        webhook(TemplateStores.statusUpdate(
                shop.wabaId(), Instant.now().getEpochSecond() + 60, created.id(), created.name(), "APPROVED", "NONE"));
        assertThat(status).hasText("Aprovado", POLLING);
        assertThat(page.evaluate("window.notReloaded === true")).isEqualTo(true);
        assertThat(row("pedido_enviado")).containsText("Oi {{1}}, seu pedido já está a caminho");

        row("pedido_enviado").getByTestId("delete-template").click();
        assertThat(page).hasURL(Pattern.compile("/modelos/" + created.id() + "/excluir$"));
        Locator consequences = page.getByTestId("delete-consequences");
        assertThat(consequences).containsText("em todos os idiomas");
        assertThat(consequences).containsText("Português (Brasil)");
        assertThat(consequences).containsText("por 30 dias");
        shoot("templates-delete-1280");
        page.setViewportSize(PHONE_WIDTH, 844);
        shoot("templates-delete-390");
        assertThat(scrollWidth()).as("delete confirmation at 390 px").isLessThanOrEqualTo(PHONE_WIDTH);
        page.setViewportSize(1280, 900);

        page.getByTestId("confirm-delete").click();

        assertThat(page).hasURL(Pattern.compile("/configuracoes/whatsapp-oficial/modelos$"));
        assertThat(page.getByTestId("template-deleted")).containsText("pedido_enviado");
        assertThat(row("pedido_enviado")).hasCount(0);
        assertThat(row("aviso_de_oferta")).hasCount(1);
        assertThat(MetaTemplatesStub.deletionsSentTo(shop.wabaId())).containsExactly("pedido_enviado");
        shoot("templates-deleted-1280");
    }

    @Test
    void theEditorSaysWhatMetaWouldRefuseBeforeSending() {
        page.navigate(url("/configuracoes/whatsapp-oficial/modelos/novo"));
        page.waitForLoadState(LoadState.LOAD);
        page.getByLabel("Nome do modelo").fill("Pedido Enviado");
        page.getByLabel("Texto da mensagem").fill("{{1}}, seu pedido chegou");

        Locator problems = page.getByTestId("preview-problems");
        assertThat(problems).containsText("O nome só pode ter letras minúsculas");
        assertThat(problems).containsText("O texto não pode começar com uma variável");
        assertThat(problems).containsText("Dê um exemplo para a variável {{1}}");

        page.getByTestId("send-template").click();

        assertThat(page.getByTestId("editor-errors")).containsText("A Meta recusaria este modelo");
        assertThat(page.getByLabel("Texto da mensagem")).hasValue("{{1}}, seu pedido chegou");
        assertThat(MetaTemplatesStub.creationsSentTo(shop.wabaId())).isZero();
    }

    private Locator row(String name) {
        return page.locator("tr[data-template='" + name + "']");
    }

    private TemplateDetails find(String name) {
        return CurrentStore.callAs(shop.store(), () -> templates.find(name, "pt_BR"))
                .orElseThrow();
    }

    private void webhook(String body) {
        assertThat(TemplateStores.webhook(port, body)).isEqualTo(200);
    }

    private int scrollWidth() {
        return ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
    }

    private void shoot(String name) {
        // From the top, as a person opening the page sees it (the preview follows the scroll).
        page.evaluate("window.scrollTo(0, 0)");
        Path file = Paths.get("target", "screenshots", name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
