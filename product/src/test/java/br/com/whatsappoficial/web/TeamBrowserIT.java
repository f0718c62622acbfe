package br.com.whatsappoficial.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.testsupport.Browsers;
import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreFixtures;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Configurações › Equipe in Chromium: an admin invites a member, the member sets a password through the
 * link, sees the templates without the buttons that change them, and gets the pt-BR 403 page on an
 * admin's page. Screenshots at 1280 and 390 px in target/screenshots.
 */
@PostgresIntegrationTest
class TeamBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    StoreDirectory directory;

    BrowserContext adminBrowser = Browsers.brazilianContext();
    BrowserContext memberBrowser = Browsers.brazilianContext();

    @AfterEach
    void closeBrowsers() {
        adminBrowser.close();
        memberBrowser.close();
    }

    @Test
    void anAdminInvitesAMemberWhoSeesButCannotChange() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String adminEmail = "helena-" + run + "@papelaria.example";
        StoreFixtures.storeWithAdmin(directory, "Papelaria Ponto Final " + run, adminEmail);
        Page admin = adminBrowser.newPage();
        Browsers.logIn(admin, url(""), adminEmail, "senha-admin-123");
        admin.navigate(url("/configuracoes"));

        String memberEmail = "otavio-" + run + "@papelaria.example";
        admin.getByLabel("E-mail da pessoa").fill(memberEmail);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Convidar"))
                .click();
        assertThat(admin.getByText("Convite criado para " + memberEmail)).isVisible();
        String link = admin.getByTestId("invitation-link").inputValue();
        assertThat(link).matches("http://127\\.0\\.0\\.1:" + port + "/convite/[0-9A-Za-z]{43}");
        both(admin, "40-equipe-convite");

        Page member = memberBrowser.newPage();
        member.navigate(link);
        assertThat(member.getByRole(AriaRole.HEADING)).hasText("Entre na equipe da Papelaria Ponto Final " + run);
        both(member, "41-convite");
        member.locator("#name").fill("Otávio Reis");
        member.locator("#password").fill("senha-do-otavio");
        member.locator("#confirmation").fill("senha-do-otavio");
        member.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Definir senha"))
                .click();
        assertThat(member.getByText("Senha definida.")).isVisible();
        Browsers.logIn(member, url(""), memberEmail, "senha-do-otavio");
        assertThat(member.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Olá, Otávio Reis!")))
                .isVisible();

        member.navigate(url("/configuracoes/whatsapp-oficial/modelos"));
        assertThat(member.getByTestId("admins-only")).isVisible();
        assertThat(member.getByTestId("sync")).hasCount(0);

        Response refused = member.navigate(url("/configuracoes/whatsapp-oficial/api"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(member.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Acesso negado")))
                .isVisible();
        assertThat(member.getByText("Só quem administra a loja pode fazer isto"))
                .isVisible();
        both(member, "42-erro-403");
    }

    @Test
    void anAdminRevokesAPendingInvitation() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String adminEmail = "iris-" + run + "@floricultura.example";
        StoreFixtures.storeWithAdmin(directory, "Floricultura Ipê " + run, adminEmail);
        Page admin = adminBrowser.newPage();
        Browsers.logIn(admin, url(""), adminEmail, "senha-admin-123");
        admin.navigate(url("/configuracoes"));
        for (String person : new String[] {"joana-" + run, "caio-" + run}) {
            admin.getByLabel("E-mail da pessoa").fill(person + "@floricultura.example");
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Convidar"))
                    .click();
            assertThat(admin.getByText("Convite criado para " + person)).isVisible();
        }
        assertThat(admin.getByTestId("open-invitation")).hasCount(2);
        both(admin, "43-convites-pendentes");

        Locator caio =
                admin.getByTestId("open-invitation").filter(new Locator.FilterOptions().setHasText("caio-" + run));
        caio.locator("summary").click();
        caio.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sim, revogar"))
                .click();

        assertThat(admin.getByText("Convite de caio-" + run + "@floricultura.example revogado"))
                .isVisible();
        assertThat(admin.getByTestId("open-invitation")).hasCount(1);
        both(admin, "44-convite-revogado");
    }

    /** The page at a laptop's width and at a phone's, where nothing may scroll sideways. */
    private static void both(Page page, String name) {
        Browsers.screenshot(page, name);
        page.setViewportSize(390, 844);
        Browsers.screenshot(page, name + "-390");
        int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        assertThat(width).as(name + " scrollWidth at 390 px").isLessThanOrEqualTo(390);
        page.setViewportSize(1280, 900);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
