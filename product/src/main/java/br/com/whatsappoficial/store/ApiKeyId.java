package br.com.whatsappoficial.store;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The public part of an API key, shown in the list of keys and used to find the key's row: knowing it
 * gives nothing, the secret part is what authenticates.
 */
public record ApiKeyId(String value) {

    static final int LENGTH = 12;

    private static final Pattern FORMAT = Pattern.compile("[0-9A-Za-z]{" + LENGTH + "}");

    public ApiKeyId {
        Objects.requireNonNull(value, "api key id");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("An API key id is " + LENGTH + " letters or digits");
        }
    }

    static ApiKeyId random(SecureRandom random) {
        return new ApiKeyId(Base62.random(random, LENGTH));
    }

    @Override
    public String toString() {
        return value;
    }
}
