package br.com.whatsappoficial.onboarding;

import java.util.EnumSet;
import java.util.Set;

/** Where a number is on its way to the Cloud API, and which moves each state allows. */
enum RegistrationState {
    /** Subscribe our app to the WABA's webhooks (required per WABA before anything reaches us). */
    SUBSCRIBE_APP,
    /**
     * Written by releases that waited for the display name's approval before registering. Meta reviews
     * the name by itself once the number sends, so nothing waits for it any more: rows still carrying it
     * (an older node during a rolling deploy may write one after the migration moved the rest) are
     * registered like {@link #REGISTER}.
     */
    AWAIT_APPROVAL,
    /** Call /register with the number's two-step PIN as soon as its ownership is verified. */
    REGISTER,
    /**
     * A number that stays on the WhatsApp Business app (coexistence) is never registered: read it, then ask
     * Meta once for the app's contacts and history, within 24 h of onboarding.
     */
    SYNC_APP_DATA,
    /** Done: the number is CONNECTED. */
    REGISTERED,
    /** Meta refused the business token: nothing moves until the merchant reconnects. */
    AWAIT_RECONNECTION,
    /** Meta refused in a way retrying cannot fix; support sees the last error. */
    FAILED;

    boolean terminal() {
        return this == REGISTERED || this == FAILED;
    }

    /** Whether the step run in this state is the register step. */
    boolean registering() {
        return this == REGISTER || this == AWAIT_APPROVAL || this == AWAIT_RECONNECTION;
    }

    /** The moves the state machine allows out of this state; a terminal state allows none. */
    Set<RegistrationState> next() {
        return switch (this) {
            case SUBSCRIBE_APP -> EnumSet.of(SUBSCRIBE_APP, REGISTER, SYNC_APP_DATA, AWAIT_RECONNECTION, FAILED);
            case SYNC_APP_DATA -> EnumSet.of(SYNC_APP_DATA, REGISTERED, AWAIT_RECONNECTION, FAILED);
            case REGISTER, AWAIT_APPROVAL -> EnumSet.of(REGISTER, REGISTERED, AWAIT_RECONNECTION, FAILED);
            case AWAIT_RECONNECTION -> EnumSet.of(REGISTER, SYNC_APP_DATA, REGISTERED, AWAIT_RECONNECTION, FAILED);
            case REGISTERED, FAILED -> EnumSet.noneOf(RegistrationState.class);
        };
    }
}
