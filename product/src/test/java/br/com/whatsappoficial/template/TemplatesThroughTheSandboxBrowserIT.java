package br.com.whatsappoficial.template;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import br.com.metasandbox.SandboxMeta;
import br.com.testsupport.Browsers;
import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.SignupPopup;
import br.com.whatsappoficial.messaging.SendingStores;
import br.com.whatsappoficial.messaging.SendingStores.Shop;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreId;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.LoadState;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole way with no stub of Meta: a merchant connects through the sandbox's signup window, writes
 * templates in the editor, and the sandbox reviews them as Meta does — approves one, approves a "utility"
 * full of promotions as Marketing — and the list shows each decision without a reload; a rejection played
 * on the sandbox shows Meta's reason and the fix. A template with an image header and a link ending in {{1}}
 * is previewed with both, approved, and edited keeping its image.
 */
@PostgresIntegrationTest
@Import(SendingStores.class)
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

    @Autowired
    SendingStores sendingStores;

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

    @Test
    void anImageHeaderAndALinkEndingInAVariableArePreviewedApprovedAndKeptByAnEdit() throws IOException {
        Shop shop = sendingStores.connected("vitrine");
        browser = Browsers.brazilianContext();
        page = browser.newPage();
        Browsers.logIn(page, url(""), shop.email(), shop.password());
        page.navigate(url("/configuracoes/whatsapp-oficial/modelos/novo"));
        page.waitForLoadState(LoadState.LOAD);

        page.getByLabel("Nome do modelo").fill("oferta_com_imagem");
        page.getByTestId("header-image-kind").check();
        page.getByTestId("header-image")
                .setInputFiles(new FilePayload("vitrine.txt", "text/plain", "não é imagem".getBytes()));
        // the preview is drawn again once the browser has read the file: slow on a busy machine
        assertThat(page.getByTestId("preview-problems"))
                .containsText(
                        "não é uma imagem PNG ou JPEG",
                        new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                                .setTimeout(20_000));
        page.getByTestId("header-image").setInputFiles(new FilePayload("vitrine.png", "image/png", banner()));
        page.getByLabel("Texto da mensagem").fill("Olá {{1}}, separamos uma oferta para o seu pedido.");
        page.getByLabel("Exemplo de {{1}}").fill("Ana");
        page.getByLabel("Tipo do botão 1").selectOption("URL");
        page.getByLabel("Texto do botão 1").fill("Ver pedido");
        page.getByLabel("Site ou telefone do botão 1").fill("https://loja.example/pedido/{{1}}");
        assertThat(page.getByTestId("preview-problems")).containsText("escreva um exemplo do final do link");
        page.getByLabel("Exemplo do final do link do botão 1").fill("1001");

        assertThat(page.getByTestId("preview-image")).isVisible();
        assertThat(page.getByTestId("preview-link")).hasText("https://loja.example/pedido/1001");
        assertThat(page.getByText("Pronto para enviar à Meta.")).isVisible();
        Browsers.screenshot(page, "70-modelo-com-imagem-e-link-1280");
        page.setViewportSize(390, 844);
        Browsers.screenshot(page, "71-modelo-com-imagem-e-link-390");
        page.setViewportSize(1280, 900);

        page.getByTestId("send-template").click();
        assertThat(page).hasURL(Pattern.compile("/configuracoes/whatsapp-oficial/modelos$"));
        Locator status = page.locator("tr[data-template='oferta_com_imagem']").getByTestId("template-status");
        assertThat(status).hasText("Aprovado", REVIEW);

        page.locator("tr[data-template='oferta_com_imagem']")
                .getByTestId("edit-template")
                .click();
        page.waitForLoadState(LoadState.LOAD);
        assertThat(page.getByTestId("header-kept")).isVisible();
        assertThat(page.getByLabel("Exemplo do final do link do botão 1")).hasValue("1001");
        Browsers.screenshot(page, "72-edicao-mantem-a-imagem-1280");
        page.setViewportSize(390, 844);
        Browsers.screenshot(page, "73-edicao-mantem-a-imagem-390");
        page.setViewportSize(1280, 900);
        page.getByLabel("Texto da mensagem").fill("Olá {{1}}, a oferta do seu pedido vale até domingo.");
        page.getByTestId("send-template").click();
        assertThat(page).hasURL(Pattern.compile("/configuracoes/whatsapp-oficial/modelos$"));
        assertThat(status).hasText("Aprovado", REVIEW);

        TemplateDetails edited = CurrentStore.callAs(
                shop.store(), () -> templates.find("oferta_com_imagem", "pt_BR").orElseThrow());
        org.assertj.core.api.Assertions.assertThat(edited.content().body()).contains("domingo");
        org.assertj.core.api.Assertions.assertThat(edited.content().mediaHeader())
                .as("the edit kept the image header")
                .isNotNull();
    }

    /** A small store banner, as a merchant would choose. */
    private static byte[] banner() throws IOException {
        BufferedImage image = new BufferedImage(640, 320, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x12, 0x8C, 0x7E));
        g.fillRect(0, 0, 640, 320);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 48));
        g.drawString("Oferta da semana", 110, 175);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
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
