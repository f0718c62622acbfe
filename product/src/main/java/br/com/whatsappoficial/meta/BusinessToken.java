package br.com.whatsappoficial.meta;

import java.util.Objects;

/**
 * A business integration system user access token, as Embedded Signup's code exchange returns it.
 * It grants access to one customer's WhatsApp accounts: it is kept encrypted at rest and its text
 * never appears in logs, exceptions or metrics, hence a type of its own whose {@link #toString()}
 * says nothing.
 */
public record BusinessToken(String value) {

    public BusinessToken {
        Objects.requireNonNull(value, "token");
        if (value.isBlank()) {
            throw new IllegalArgumentException("an access token cannot be blank");
        }
    }

    @Override
    public String toString() {
        return "BusinessToken[redacted]";
    }
}
