package br.com.whatsappoficial.store;

import java.util.Objects;

/** What a merchant calls a key (which engine or campaign uses it): 1 to 60 characters, trimmed. */
public record ApiKeyName(String value) {

    public static final int MAX_LENGTH = 60;

    public ApiKeyName {
        Objects.requireNonNull(value, "api key name");
        value = value.strip();
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new InvalidApiKeyName();
        }
    }
}
