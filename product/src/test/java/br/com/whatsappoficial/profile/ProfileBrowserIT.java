package br.com.whatsappoficial.profile;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import br.com.testsupport.Browsers;
import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.messaging.SendingStores;
import br.com.whatsappoficial.messaging.SendingStores.Shop;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreFixtures;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The merchant's Personalizar page in a real Chromium: the admin fills the profile, picks a wide logo with a
 * transparent background, moves the crop, and the picture appears in the preview, on the card and in the
 * header of the chat on the sandbox's customer phone. Screenshots at 1280 and 390 px go to /tmp/shots-profile.
 */
@PostgresIntegrationTest
@Import(SendingStores.class)
@TestPropertySource(properties = {"account.reconciliation-poll=1h", "template.sync-poll=1h"})
class ProfileBrowserIT {

    static final Path SHOTS = Path.of("/tmp/shots-profile");

    @LocalServerPort
    int port;

    @Autowired
    SendingStores stores;

    @Autowired
    StoreDirectory directory;

    @Autowired
    JdbcClient jdbc;

    BrowserContext browser;
    Page page;
    Shop shop;
    String email;

    @BeforeEach
    void aConnectedStoreAndAnAdmin() {
        shop = stores.connected("aurora");
        email = "dona-" + UUID.randomUUID() + "@aurora.example";
        StoreFixtures.addAdmin(jdbc, directory, shop.store(), email, "senha-admin-1");
        browser = Browsers.chromium().newContext(Browsers.brazilian());
        page = browser.newPage();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void theMerchantUploadsALogoAndCustomersSeeItInTheChatHeader() throws IOException {
        Browsers.logIn(page, url(""), email, "senha-admin-1");
        page.navigate(url(ProfileController.PATH));
        assertThat(page.getByTestId("profile-sync")).containsText("Ainda não enviado ao WhatsApp");
        shot("1-empty");

        page.getByLabel("Recado").fill("Moda praia feita no Brasil");
        page.getByLabel("Descrição").fill("Biquínis, maiôs e saídas de praia. Entregamos em todo o país.");
        page.getByLabel("E-mail").fill("contato@aurora");
        page.getByLabel("Site", new Page.GetByLabelOptions().setExact(true)).fill("https://aurora.example.com");
        page.getByLabel("Categoria").selectOption("APPAREL");
        page.getByTestId("save-fields").click();
        assertThat(page.getByTestId("email-error")).hasText("Informe um e-mail válido, como contato@loja.com.br.");
        assertThat(page.getByLabel("Recado")).hasValue("Moda praia feita no Brasil");
        shot("2-field-error");
        page.getByLabel("E-mail").fill("contato@aurora.example.com");
        page.getByTestId("save-fields").click();
        assertThat(page.getByTestId("profile-saved")).hasText("Dados salvos.");

        page.getByLabel("Logo da loja").setInputFiles(logo());
        assertThat(page.locator("[data-crop-preview]")).isVisible();
        page.getByLabel("Posição horizontal").fill("0");
        shot("3-crop");
        page.getByTestId("save-picture").click();

        assertThat(page.getByTestId("profile-saved")).hasText("Foto salva.");
        assertThat(page.getByTestId("preview-picture")).isVisible();
        assertThat(page.getByTestId("sync-ok")).containsText("Enviado ao WhatsApp em");
        shot("4-saved");

        page.navigate(url("/sandbox/console/phone?phone=" + shop.phone().id()));
        assertThat(page.getByTestId("handset-name")).hasText("Loja aurora");
        assertThat(page.getByTestId("handset-picture")).isVisible();
        Object width = page.getByTestId("handset-picture").evaluate("image => image.naturalWidth");
        org.assertj.core.api.Assertions.assertThat(width)
                .as("the picture Meta serves")
                .isEqualTo(640);
        shot("5-sandbox-phone");

        // The card as the connected view lays it out: a grid cell about 360 px wide.
        page.navigate(url(ProfileController.PATH));
        page.evaluate(
                "async (url) => {"
                        + " const html = await (await fetch(url)).text();"
                        + " const grid = document.createElement('div'); grid.className = 'cards';"
                        + " grid.style.maxWidth = '760px'; grid.innerHTML = html + html.replace('id=\"personalizar\"', '');"
                        + " const main = document.querySelector('main'); main.replaceChildren(grid); }",
                ProfileController.PATH + "/cartao");
        assertThat(page.getByTestId("card-picture").first()).isVisible();
        assertThat(page.getByTestId("card-state").first()).hasText("Perfil em dia no WhatsApp");
        shot("6-card");
    }

    /** A wide logo with a transparent background and its mark on the left. */
    private static Path logo() throws IOException {
        BufferedImage image = new BufferedImage(1200, 600, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setColor(new Color(0xf5, 0x7c, 0x00));
        graphics.fillOval(60, 60, 480, 480);
        graphics.setColor(Color.WHITE);
        graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 260));
        graphics.drawString("A", 210, 400);
        graphics.setColor(new Color(0x0d, 0x47, 0xa1));
        graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 150));
        graphics.drawString("urora", 600, 360);
        graphics.dispose();
        Path file = Files.createTempFile("logo", ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private void shot(String name) {
        Browsers.fullScreenshot(page, SHOTS.resolve("personalizar-1280-" + name + ".png"));
        Browsers.phoneScreenshot(page, SHOTS.resolve("personalizar-390-" + name + ".png"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
