package br.com.whatsappoficial.onboarding;

/** Where a number is on its way to the Cloud API (B3). */
enum RegistrationState {
    /** Subscribe our app to the WABA's webhooks (required per WABA before anything reaches us). */
    SUBSCRIBE_APP,
    /** Wait until Meta allows registration: number verified and display name approved (certificate). */
    AWAIT_APPROVAL,
    /** Call /register with the number's two-step PIN. */
    REGISTER,
    /** Done: the number is CONNECTED. */
    REGISTERED,
    /** Meta refused the business token: nothing moves until the merchant reconnects. */
    AWAIT_RECONNECTION,
    /** Meta refused in a way retrying cannot fix; support sees the last error. */
    FAILED;

    boolean terminal() {
        return this == REGISTERED || this == FAILED;
    }
}
