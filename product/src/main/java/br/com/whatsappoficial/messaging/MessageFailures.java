package br.com.whatsappoficial.messaging;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Why a message failed, in the engine's language: our explanation of the Meta codes we know (what it
 * means and what to do), otherwise our code's title with Meta's own words as the detail.
 */
@Component
class MessageFailures {

    private final MessageSource messages;

    MessageFailures(MessageSource messages) {
        this.messages = messages;
    }

    String title(StoredMessage.Failure failure, Locale locale) {
        String known = known(failure, "title", locale);
        return known != null
                ? known
                : messages.getMessage("messaging.failure." + failure.code() + ".title", null, failure.title(), locale);
    }

    @Nullable
    String detail(StoredMessage.Failure failure, Locale locale) {
        String known = known(failure, "detail", locale);
        if (known != null) {
            return known;
        }
        return failure.detail() != null ? failure.detail() : failure.title();
    }

    private @Nullable String known(StoredMessage.Failure failure, String part, Locale locale) {
        return failure.metaCode() == null
                ? null
                : messages.getMessage("messaging.failure.meta." + failure.metaCode() + "." + part, null, null, locale);
    }
}
