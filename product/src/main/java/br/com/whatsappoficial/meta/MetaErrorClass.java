package br.com.whatsappoficial.meta;

/**
 * What a failed Graph call means for its caller, from Meta's error code (META-CONTRACT §8). Callers
 * decide on the class, never on Meta's message text.
 */
public enum MetaErrorClass {
    /** Token expired, invalid or revoked (0, 190, 102, 104): the integration must be reconnected. */
    AUTH(false),
    /** A permission or capability is missing (3, 10, 200–299): check debug_token, reconnect. */
    PERMISSION(false),
    /** A Graph, WABA, throughput or pair rate limit (4, 17, 32, 613, 80007, 130429, 131056): back off. */
    THROTTLING(true),
    /** Meta had a problem (1, 2, 131000, 131016, 131057, 133004, HTTP 5xx): retry a few times. */
    TRANSIENT(true),
    /** Meta did not answer in time: the request may or may not have been carried out. */
    TIMEOUT(true),
    /** Spam rate limit (131048): pause the campaign, alert the merchant. */
    SPAM(false),
    /** Policy block or locked account (368, 131031): stop and show it to the merchant. */
    INTEGRITY(false),
    /** Ecosystem limit or marketing opt-out (131049, 131050): wait at least 24 h, or never. */
    POLICY(false),
    /** The request itself is wrong (100, 131008, 131009, 131026, 131047, 132000, 132001): fix, don't retry. */
    PARAMETER(false),
    /** Phone registration and verification (133000–133016, 136024, 136025): show the cause, wait as told. */
    REGISTRATION(false),
    /** Anything Meta has not documented. */
    UNKNOWN(false);

    private final boolean retryable;

    MetaErrorClass(boolean retryable) {
        this.retryable = retryable;
    }

    /** Whether trying again later, with backoff, can succeed without changing anything. */
    public boolean retryable() {
        return retryable;
    }

    /** The class of a Graph error, from its code and, for unknown codes, Meta's own hints. */
    public static MetaErrorClass of(GraphError error, int httpStatus) {
        MetaErrorClass known = ofCode(error.code());
        if (known != UNKNOWN) {
            return known;
        }
        if (Boolean.TRUE.equals(error.isTransient()) || httpStatus >= 500) {
            return TRANSIENT;
        }
        return httpStatus == 429 ? THROTTLING : UNKNOWN;
    }

    static MetaErrorClass ofCode(int code) {
        return switch (code) {
            case 0, 102, 104, 190 -> AUTH;
            case 3, 10 -> PERMISSION;
            case 4, 17, 32, 613, 80007, 130429, 131056 -> THROTTLING;
            case 1, 2, 131000, 131016, 131057, 133004 -> TRANSIENT;
            case 131048 -> SPAM;
            case 368, 131031 -> INTEGRITY;
            case 131049, 131050 -> POLICY;
            case 100, 131008, 131009, 131026, 131047, 132000, 132001 -> PARAMETER;
            case 136024, 136025 -> REGISTRATION;
            default -> {
                if (code >= 200 && code <= 299) {
                    yield PERMISSION;
                }
                if (code >= 133000 && code <= 133016) {
                    yield REGISTRATION;
                }
                yield UNKNOWN;
            }
        };
    }
}
