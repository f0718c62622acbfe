package br.com.whatsappoficial;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import br.com.testsupport.Browsers;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The sandbox's Embedded Signup window driven as a merchant does: from Configurações to Meta's window,
 * through its steps, to a connected number. {@code run} keeps names apart between tests.
 */
public final class SignupPopup {

    private SignupPopup() {}

    /** Connects a new Brazilian mobile through the whole window; returns it in E.164. */
    public static String connect(Page page, String baseUrl, String run) {
        Page popup = open(page, baseUrl);
        throughProfile(popup, run);
        String mobile = verifyANewMobile(popup);
        confirm(popup);
        return mobile;
    }

    /** Meta's window at its last step, Confirmar, with a new mobile verified. */
    public static Page untilConfirm(Page page, String baseUrl, String run) {
        Page popup = open(page, baseUrl);
        throughProfile(popup, run);
        verifyANewMobile(popup);
        return popup;
    }

    /** Confirmar: the window reports to the launcher and closes. */
    public static void confirm(Page popup) {
        Browsers.clickClosing(
                popup, popup.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirmar")));
    }

    private static String verifyANewMobile(Page popup) {
        String mobile = "+55119" + ThreadLocalRandom.current().nextInt(1000_0000, 9999_9999);
        popup.getByLabel("Número de telefone").fill(mobile.substring(3));
        next(popup);
        String otp = popup.locator("[data-otp]").textContent().strip();
        popup.getByLabel("Código de verificação").fill(otp);
        next(popup);
        return mobile;
    }

    /** Configurações → WhatsApp Oficial → Abrir → Continuar → Conectar com a Meta: Meta's window. */
    public static Page open(Page page, String baseUrl) {
        page.navigate(baseUrl + "/configuracoes");
        page.locator("#whatsapp-oficial")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Abrir"))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Continuar"))
                .click();
        // The launcher's script runs once the page has loaded; a click before that would open nothing.
        assertThat(page).hasURL(Pattern.compile("/configuracoes/whatsapp-oficial/conectar$"));
        page.waitForLoadState(LoadState.LOAD);
        return page.waitForPopup(
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Conectar com a Meta"))
                        .click());
    }

    /** Facebook's login, a new portfolio and WABA, the profile: up to the phone number step. */
    public static void throughProfile(Page popup, String run) {
        popup.getByPlaceholder("Email ou telefone").fill("dora-" + run + "@facebook.example");
        popup.getByPlaceholder("Senha").fill("qualquer");
        popup.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entrar"))
                .click();
        popup.getByLabel("Nome da empresa").fill("Dora Doces Ltda " + run);
        next(popup);
        next(popup);
        popup.getByLabel("Nome da conta do WhatsApp Business").fill("Doces da Dora");
        popup.getByLabel("Nome de exibição do WhatsApp Business").fill("Doces da Dora");
        popup.getByLabel("Categoria").selectOption("RETAIL");
        next(popup);
        assertThat(popup.getByRole(AriaRole.HEADING)).hasText("Adicione um número de telefone");
    }

    private static void next(Page popup) {
        popup.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Avançar"))
                .click();
    }
}
