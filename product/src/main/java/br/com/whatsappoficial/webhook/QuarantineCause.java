package br.com.whatsappoficial.webhook;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Why an event went to quarantine. The stored reason is technical text that starts with the cause's
 * prefix (written only through {@link #reason}), so support's page can name the cause in its own
 * language while the detail stays as the workers wrote it.
 */
enum QuarantineCause {
    /** Signed by Meta but not its envelope: no retry can make it readable. */
    MALFORMED("malformed webhook: "),
    /** An event with a value longer than its inbox column: stored as it is, it would fail its commit. */
    OVERSIZED("oversized value: "),
    /** An event with a NUL character in a value the inbox keeps as text: stored, it would fail its commit. */
    UNSTORABLE("unstorable value: "),
    /** A readable envelope whose event this product cannot decode. */
    UNREADABLE("unreadable "),
    /** Processing failed every attempt. */
    EXHAUSTED("failed "),
    /** No store connected the WABA or the number while the event waited. */
    UNKNOWN_STORE("no store has "),
    /** A reason written before causes were named. */
    OTHER("");

    private final String prefix;

    QuarantineCause(String prefix) {
        this.prefix = prefix;
    }

    String reason(String detail) {
        return prefix + detail;
    }

    /** The message key of the cause's pt-BR (or English) name on support's page. */
    public String messageKey() {
        return "quarantine.cause." + name().toLowerCase(Locale.ROOT);
    }

    static QuarantineCause of(@Nullable String reason) {
        if (reason != null) {
            for (QuarantineCause cause : values()) {
                if (cause != OTHER && reason.startsWith(cause.prefix)) {
                    return cause;
                }
            }
        }
        return OTHER;
    }
}
