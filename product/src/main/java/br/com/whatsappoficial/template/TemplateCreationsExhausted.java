package br.com.whatsappoficial.template;

import java.time.Instant;

/** The WABA used its creations of the rolling hour (Meta allows 100): the next one frees at {@code retryAt}. */
public class TemplateCreationsExhausted extends RuntimeException {

    private final int limit;
    private final Instant retryAt;

    TemplateCreationsExhausted(int limit, Instant retryAt) {
        super("template creations per hour used up until " + retryAt, null, false, false);
        this.limit = limit;
        this.retryAt = retryAt;
    }

    public int limit() {
        return limit;
    }

    public Instant retryAt() {
        return retryAt;
    }
}
