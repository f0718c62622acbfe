package br.com.whatsappoficial.template;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import br.com.testsupport.Browsers;
import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.messaging.SendingStores;
import br.com.whatsappoficial.messaging.SendingStores.Shop;
import br.com.whatsappoficial.store.CurrentStore;
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
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The merchant writes a template with an image header and a link ending in {{1}}: the preview shows the
 * chosen image and the link with its example, refuses what Meta would refuse, the sandbox approves it, and
 * its edit keeps the image.
 */
@PostgresIntegrationTest
@Import(SendingStores.class)
@TestPropertySource(
        properties = {
            "sandbox.template-review-delay=1s",
            "sandbox.webhooks.poll-interval=200ms",
            "account.reconciliation-poll=1h",
            "template.sync-poll=1h"
        })
class MediaTemplatesBrowserIT {

    static final LocatorAssertions.HasTextOptions REVIEW = new LocatorAssertions.HasTextOptions().setTimeout(30_000);

    @LocalServerPort
    int port;

    @Autowired
    SendingStores stores;

    @Autowired
    Templates templates;

    BrowserContext browser;
    Page page;

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void anImageHeaderAndALinkEndingInAVariableArePreviewedApprovedAndKeptByAnEdit() throws IOException {
        Shop shop = stores.connected("vitrine");
        browser = Browsers.brazilianContext();
        page = browser.newPage();
        Browsers.logIn(page, url(""), shop.email(), shop.password());
        page.navigate(url("/configuracoes/whatsapp-oficial/modelos/novo"));
        page.waitForLoadState(LoadState.LOAD);

        page.getByLabel("Nome do modelo").fill("oferta_com_imagem");
        page.getByTestId("header-image-kind").check();
        page.getByTestId("header-image")
                .setInputFiles(new FilePayload("vitrine.txt", "text/plain", "não é imagem".getBytes()));
        assertThat(page.getByTestId("preview-problems")).containsText("não é uma imagem PNG ou JPEG");
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

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
