package br.com.whatsappoficial.onboarding;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One number's registration as stored (the PIN stays sealed in its own column). Its moves are methods
 * that refuse what the state machine does not allow; {@link Registrations#move} stores the move only if
 * the row is still in the state the move started from.
 *
 * @param coexistence the number stays on the WhatsApp Business app: it is never registered
 */
record Registration(
        String phoneNumberId,
        String wabaId,
        RegistrationState state,
        int attempts,
        @Nullable Instant nextAttemptAt,
        @Nullable Integer lastErrorCode,
        @Nullable String lastError,
        @Nullable Instant registeredAt,
        boolean coexistence) {

    /** A number that leaves the WhatsApp app for Cloud API alone: it is registered. */
    Registration(
            String phoneNumberId,
            String wabaId,
            RegistrationState state,
            int attempts,
            @Nullable Instant nextAttemptAt,
            @Nullable Integer lastErrorCode,
            @Nullable String lastError,
            @Nullable Instant registeredAt) {
        this(phoneNumberId, wabaId, state, attempts, nextAttemptAt, lastErrorCode, lastError, registeredAt, false);
    }

    /**
     * One move of the state machine: from the registration as it was read, to a state.
     *
     * @param next when the worker takes the row up again; null for nothing more to do
     */
    record Move(
            Registration from,
            RegistrationState to,
            int attempts,
            @Nullable Instant next,
            @Nullable Integer errorCode,
            @Nullable String error) {

        Move {
            if (!from.state().next().contains(to)) {
                throw new IllegalRegistrationMove(from.phoneNumberId(), from.state(), to);
            }
        }
    }

    /**
     * The app is subscribed to the WABA: register at once. The display name's review does not gate it —
     * Meta reviews the name by itself, at the latest when the business reaches a higher messaging limit,
     * which needs a registered number.
     */
    Move appSubscribed(Instant now) {
        RegistrationState next = coexistence ? RegistrationState.SYNC_APP_DATA : RegistrationState.REGISTER;
        require(state == RegistrationState.SUBSCRIBE_APP, next);
        return new Move(this, next, 0, now, null, null);
    }

    /** The merchant reconnected the WABA: a registration that waited for a usable token goes on at once. */
    Move reconnected(Instant now) {
        RegistrationState next = coexistence ? RegistrationState.SYNC_APP_DATA : RegistrationState.REGISTER;
        require(state == RegistrationState.AWAIT_RECONNECTION, next);
        return new Move(this, next, 0, now, null, null);
    }

    /** Meta reports the number CONNECTED: our register call went through, or an earlier one did. */
    Move registered() {
        require(state.registering() && !coexistence, RegistrationState.REGISTERED);
        return new Move(this, RegistrationState.REGISTERED, 0, null, null, null);
    }

    /**
     * A coexistence number is on Cloud API and the app's contacts and history were asked for: done, with no
     * register call and no PIN.
     */
    Move appDataRequested() {
        require(state == RegistrationState.SYNC_APP_DATA, RegistrationState.REGISTERED);
        return new Move(this, RegistrationState.REGISTERED, 0, null, null, null);
    }

    /**
     * The number's ownership is not verified yet: look again later rather than call /register, which Meta
     * allows only 10 times per 72 h and which cannot succeed before the code is verified.
     */
    Move awaitVerification(Instant next, @Nullable Integer errorCode, @Nullable String error) {
        require(state.registering(), RegistrationState.REGISTER);
        return new Move(this, RegistrationState.REGISTER, attempts, next, errorCode, error);
    }

    /**
     * The merchant confirmed the number's ownership on our screen: register now rather than at the next
     * look, which may be minutes away. The attempts made so far still count.
     */
    Move codeVerified(Instant now) {
        require(state.registering(), RegistrationState.REGISTER);
        return new Move(this, RegistrationState.REGISTER, attempts, now, null, null);
    }

    /** A failure worth another try at {@code next}, in the same step. */
    Move retry(Instant next, int errorCode, String error) {
        RegistrationState step = state.registering()
                ? (coexistence ? RegistrationState.SYNC_APP_DATA : RegistrationState.REGISTER)
                : state;
        return new Move(this, step, attempts + 1, next, errorCode, error);
    }

    /** Meta refused the business token, or there is none: nothing moves until the merchant reconnects. */
    Move awaitReconnection(boolean countsAsAttempt, @Nullable Integer errorCode, @Nullable String error) {
        return new Move(
                this,
                RegistrationState.AWAIT_RECONNECTION,
                attempts + (countsAsAttempt ? 1 : 0),
                null,
                errorCode,
                error);
    }

    /** Meta refused in a way retrying cannot fix. */
    Move failed(int errorCode, String error) {
        return new Move(this, RegistrationState.FAILED, attempts + 1, null, errorCode, error);
    }

    /** Refuses a move whose step does not start from the current state, even where the state allows the target. */
    private void require(boolean allowed, RegistrationState to) {
        if (!allowed) {
            throw new IllegalRegistrationMove(phoneNumberId, state, to);
        }
    }
}
