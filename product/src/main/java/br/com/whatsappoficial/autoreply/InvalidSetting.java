package br.com.whatsappoficial.autoreply;

/**
 * A setting the merchant typed that cannot be kept, named by its form field and the message key that
 * explains it in pt-BR.
 */
class InvalidSetting extends RuntimeException {

    private final String field;
    private final String messageKey;

    InvalidSetting(String field, String messageKey) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    String field() {
        return field;
    }

    String messageKey() {
        return messageKey;
    }
}
