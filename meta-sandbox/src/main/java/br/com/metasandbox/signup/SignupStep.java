package br.com.metasandbox.signup;

/**
 * The screens of the Embedded Signup popup. All but {@link #LOGIN} are Meta's {@code current_step}
 * values [doc], reported when the user cancels there.
 */
enum SignupStep {
    /** Facebook's login: before Embedded Signup proper, so it has no current_step of Meta's. */
    LOGIN,
    BUSINESS_ACCOUNT_SELECTION,
    WABA_PHONE_PROFILE_PICKER,
    WHATSAPP_BUSINESS_PROFILE_SETUP,
    PHONE_NUMBER_SETUP,
    PHONE_NUMBER_VERIFICATION,
    PERMISSIONS;

    /** The template of the step's screen. */
    String view() {
        return "sandbox/signup/" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
