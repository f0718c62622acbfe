package br.com.whatsappoficial.messaging;

import java.util.List;

/** A callback URL our rule refuses; {@code messageKey} and its arguments say why, in the reader's language. */
class InvalidCallbackUrl extends RuntimeException {

    private final String messageKey;
    private final transient List<Object> arguments;

    InvalidCallbackUrl(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    String messageKey() {
        return messageKey;
    }

    List<Object> arguments() {
        return arguments;
    }
}
