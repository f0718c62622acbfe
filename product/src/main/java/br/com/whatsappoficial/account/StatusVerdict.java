package br.com.whatsappoficial.account;

import org.jspecify.annotations.Nullable;

/**
 * A number's status with its reason, and Meta's own detail when it gives one (the display name's
 * rejection reason, the health error's description).
 */
public record StatusVerdict(StatusReason reason, @Nullable String detail) {

    static StatusVerdict of(StatusReason reason) {
        return new StatusVerdict(reason, null);
    }

    public IntegrationStatus status() {
        return reason.status();
    }
}
