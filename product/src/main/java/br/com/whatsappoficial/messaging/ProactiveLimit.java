package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.account.IntegrationStatus;
import br.com.whatsappoficial.account.MessagingLimit;
import org.jspecify.annotations.Nullable;

/**
 * How many unique customers the store may reach proactively per rolling 24 h, and what sets it.
 *
 * @param customers null when unlimited
 * @param source {@code floor} when our floor caps it, {@code meta} when Meta's reported limit does
 */
record ProactiveLimit(@Nullable Integer customers, Source source) {

    enum Source {
        FLOOR,
        META
    }

    /**
     * While Em análise: min(floor, Meta's limit). Once Ativa: Meta's limit; until Meta has reported one we
     * know, the floor, because sending more than Meta allows gets the number restricted.
     */
    static ProactiveLimit of(IntegrationStatus status, @Nullable MessagingLimit meta, int floor) {
        if (meta == null) {
            return new ProactiveLimit(floor, Source.FLOOR);
        }
        if (status == IntegrationStatus.ATIVA) {
            return new ProactiveLimit(meta.customers(), Source.META);
        }
        if (meta.unlimited() || meta.customers() > floor) {
            return new ProactiveLimit(floor, Source.FLOOR);
        }
        return new ProactiveLimit(meta.customers(), Source.META);
    }

    boolean unlimited() {
        return customers == null;
    }
}
