package br.com.whatsappoficial.template;

import java.time.Instant;

/**
 * The approved template used Meta's edits: one in 24 hours, ten in 30 days. The next one frees at
 * {@code retryAt}.
 */
public class TemplateEditsExhausted extends RuntimeException {

    /** Which of Meta's limits was reached. */
    public enum Window {
        DAY,
        MONTH
    }

    private final Window window;
    private final Instant retryAt;

    TemplateEditsExhausted(Window window, Instant retryAt) {
        super("template edits of the " + window + " used up until " + retryAt, null, false, false);
        this.window = window;
        this.retryAt = retryAt;
    }

    public Window window() {
        return window;
    }

    public Instant retryAt() {
        return retryAt;
    }

    /** The editor's message for the limit reached; its one argument is {@link #retryAt()}. */
    public String messageKey() {
        return "editor.edits-exhausted." + window.name();
    }
}
