package br.com.whatsappoficial.messaging;

import java.util.Locale;

/** How a customer came onto the store's suppression list. */
enum OptOutSource {
    /** Meta failed a send with 131050: the customer stopped the store's marketing messages in WhatsApp. */
    META_FAILED,
    /** Meta's {@code user_preferences} webhook said the customer stopped marketing messages. */
    META_PREFERENCES,
    /** The customer wrote a stop word ("PARAR", "SAIR", ...) to the store's number. */
    STOP_WORD,
    /** The store's team put the customer on the list. */
    MERCHANT;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static OptOutSource ofColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
