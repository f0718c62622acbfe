package br.com.whatsappoficial.onboarding;

import br.com.whatsappoficial.meta.InvalidMetaId;
import br.com.whatsappoficial.meta.PhoneNumberId;
import br.com.whatsappoficial.meta.WabaId;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The launcher's report of how Embedded Signup ended, named as Meta named it; a form record, never an entity. */
record SignupReport(
        @JsonProperty("outcome") @Nullable String event,
        @Nullable String code,
        @JsonProperty("waba_id") @Nullable String wabaId,
        @JsonProperty("phone_number_id") @Nullable String phoneNumberId,
        @JsonProperty("current_step") @Nullable String currentStep,
        @JsonProperty("error_message") @Nullable String errorMessage,
        @JsonProperty("error_id") @Nullable String errorId) {

    /**
     * The code and the ids of a FINISH; business_id is left out, Meta tells it. Ids that are not Meta's
     * (anything but digits) are refused before they reach a Graph path.
     */
    SignupFinished finished() {
        try {
            return new SignupFinished(
                    java.util.Objects.requireNonNull(code),
                    wabaId == null ? null : new WabaId(wabaId),
                    phoneNumberId == null ? null : new PhoneNumberId(phoneNumberId));
        } catch (InvalidMetaId invalid) {
            throw new SignupRefused("onboarding.refused.invalid-ids", null);
        }
    }

    /**
     * The event as one the product knows; empty when the launcher sent none or one Meta added after this
     * release, which is answered with an explanation rather than taken for another.
     */
    Optional<Outcome> outcome() {
        if (event == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Outcome.valueOf(event));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** A CANCEL that carries Meta's error text is an error the user reported inside the flow, not a plain cancel. */
    boolean userReportedError() {
        return errorMessage != null && !errorMessage.isBlank();
    }

    /** Meta's session-info event names, as the launcher forwards them. */
    enum Outcome {
        FINISH,
        /** The merchant shared a WABA without a number. */
        FINISH_ONLY_WABA,
        /** A number that stays on the WhatsApp Business app (coexistence): connected without register. */
        FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING,
        /** Abandoned at {@code current_step}, or an error the user reported ({@code error_message}, {@code error_id}). */
        CANCEL,
        /** An error some integrations receive under this name; treated like a reported one. */
        ERROR
    }
}
