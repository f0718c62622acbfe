package br.com.whatsappoficial;

import com.microsoft.playwright.Page;

/**
 * What Meta's Embedded Signup window posts to its opener at the end of a run (and FB.login's code),
 * posted straight into the launcher page: for journeys where the steps inside Meta's window are not the
 * point. {@link SignupPopup} drives the window itself.
 */
public final class MetaWindowMessages {

    private MetaWindowMessages() {}

    /** A run that ends with a number: FINISH with its ids, then the code to exchange. */
    public static void finish(Page launcher, String businessId, String wabaId, String phoneNumberId, String code) {
        post(
                launcher,
                "{\"type\":\"WA_EMBEDDED_SIGNUP\",\"event\":\"FINISH\",\"data\":{\"phone_number_id\":\"%s\",\"waba_id\":\"%s\",\"business_id\":\"%s\"},\"version\":3}"
                        .formatted(phoneNumberId, wabaId, businessId));
        loggedIn(launcher, code);
    }

    /** A run that shares a WABA without a number (Adicionar número depois, or a reconnection). */
    public static void finishOnlyWaba(Page launcher, String businessId, String wabaId, String code) {
        post(
                launcher,
                "{\"type\":\"WA_EMBEDDED_SIGNUP\",\"event\":\"FINISH_ONLY_WABA\",\"data\":{\"waba_id\":\"%s\",\"business_id\":\"%s\"},\"version\":3}"
                        .formatted(wabaId, businessId));
        loggedIn(launcher, code);
    }

    /** FB.login's answer with the code the product exchanges for the business token. */
    public static void loggedIn(Page launcher, String code) {
        post(
                launcher,
                "{\"type\":\"SANDBOX_FB_LOGIN\",\"status\":\"connected\",\"authResponse\":{\"code\":\"%s\"}}"
                        .formatted(code));
    }

    /** Any message, from the page's own origin as the launcher expects Meta's window's to come. */
    public static void post(Page launcher, String json) {
        launcher.evaluate("data => window.postMessage(data, window.location.origin)", json);
    }
}
