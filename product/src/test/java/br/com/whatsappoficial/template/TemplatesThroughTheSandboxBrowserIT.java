package br.com.whatsappoficial.template;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import br.com.metasandbox.SandboxMeta;
import br.com.testsupport.Browsers;
import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.SignupPopup;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreId;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.LoadState;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole way with no stub of Meta: a merchant connects through the sandbox's signup window, writes
 * templates in the editor, and the sandbox reviews them as Meta does — approves one, approves a "utility"
 * full of promotions as Marketing — and the list shows each decision without a reload; a rejection played
 * on the sandbox shows Meta's reason and the fix.
 */
@PostgresIntegrationTest
@TestPropertySource(
        properties = {
            "sandbox.template-review-delay=1s",
            "sandbox.webhooks.poll-interval=200ms",
            "onboarding.registration-poll=200ms"
        })
class TemplatesThroughTheSandboxBrowserIT {

    static final LocatorAssertions.HasTextOptions REVIEW = new LocatorAssertions.HasTextOptions().setTimeout(30_000);

    @LocalServerPort
    int port;

    @Autowired
    StoreDirectory stores;

    @Autowired
    SandboxMeta sandbox;

    @Autowired
    Templates templates;

    BrowserContext browser;
    Page page;

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void theSandboxReviewsWhatTheMerchantWrites() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = "tereza-" + run + "@loja.example";
        StoreId store = stores.create("Loja Tereza " + run, "Tereza Prado", email, "senha-tereza-1");
        browser = Browsers.brazilianContext();
        page = browser.newPage();
        Browsers.logIn(page, url(""), email, "senha-tereza-1");
        SignupPopup.connect(page, url(""), run);
        assertThat(page).hasURL(Pattern.compile("/configuracoes/whatsapp-oficial/status$"));

        write("pedido_enviado", "Olá {{1}}, seu pedido saiu para entrega.");
        Locator shipped = row("pedido_enviado").getByTestId("template-status");
        assertThat(shipped).hasText("Em análise");
        assertThat(shipped).hasText("Aprovado", REVIEW);

        write("aviso_de_promocao", "Olá {{1}}, aproveite a promoção de hoje na loja.");
        page.evaluate("window.notReloaded = true");
        Locator promo = row("aviso_de_promocao");
        assertThat(promo.getByTestId("template-status")).hasText("Aprovado", REVIEW);
        assertThat(promo.getByTestId("recategorised"))
                .containsText("Marketing", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));

        TemplateDetails created = CurrentStore.callAs(
                store, () -> templates.find("pedido_enviado", "pt_BR").orElseThrow());
        sandbox.decideTemplate(created.id(), "REJECTED", "INVALID_FORMAT");
        assertThat(shipped).hasText("Reprovado", REVIEW);
        assertThat(row("pedido_enviado").getByTestId("template-reason")).not().isEmpty();
        org.assertj.core.api.Assertions.assertThat(page.evaluate("window.notReloaded === true"))
                .isEqualTo(true);
        Browsers.screenshot(page, "60-modelos-revisados-pelo-sandbox");

        // The rejected one is fixed in the editor: the sandbox reviews the edit as Meta does.
        row("pedido_enviado").getByTestId("edit-template").click();
        page.waitForLoadState(LoadState.LOAD);
        assertThat(page.getByLabel("Texto da mensagem")).hasValue("Olá {{1}}, seu pedido saiu para entrega.");
        page.getByLabel("Texto da mensagem").fill("Olá {{1}}, seu pedido foi enviado hoje pelos Correios.");
        page.getByTestId("send-template").click();
        assertThat(page).hasURL(Pattern.compile("/configuracoes/whatsapp-oficial/modelos$"));
        assertThat(shipped).hasText("Em análise");
        assertThat(shipped).hasText("Aprovado", REVIEW);
        assertThat(row("pedido_enviado")).containsText("pelos Correios");

        // And the promotional one is deleted at the sandbox, which then no longer lists it.
        String promoId = CurrentStore.callAs(
                        store,
                        () -> templates.find("aviso_de_promocao", "pt_BR").orElseThrow())
                .id();
        row("aviso_de_promocao").getByTestId("delete-template").click();
        assertThat(page.getByTestId("delete-consequences")).containsText("por 30 dias");
        page.getByTestId("confirm-delete").click();
        assertThat(page.getByTestId("template-deleted")).containsText("aviso_de_promocao");
        assertThat(row("aviso_de_promocao")).hasCount(0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sandbox.templateStatus(promoId))
                .isInstanceOf(java.util.NoSuchElementException.class);
        Browsers.screenshot(page, "61-modelo-editado-e-excluido-no-sandbox");
    }

    /** Writes a template in the editor and sends it to the review; back on the list. */
    private void write(String name, String body) {
        page.navigate(url("/configuracoes/whatsapp-oficial/modelos/novo"));
        page.waitForLoadState(LoadState.LOAD);
        page.getByLabel("Nome do modelo").fill(name);
        page.getByLabel("Texto da mensagem").fill(body);
        page.getByLabel("Exemplo de {{1}}").fill("Ana");
        assertThat(page.getByText("Pronto para enviar à Meta.")).isVisible();
        page.getByTestId("send-template").click();
        assertThat(page).hasURL(Pattern.compile("/configuracoes/whatsapp-oficial/modelos$"));
    }

    private Locator row(String name) {
        return page.locator("tr[data-template='" + name + "']");
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
