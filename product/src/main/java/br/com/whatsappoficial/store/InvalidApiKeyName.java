package br.com.whatsappoficial.store;

/** A key's name is empty or longer than {@link ApiKeyName#MAX_LENGTH} characters. */
public class InvalidApiKeyName extends IllegalArgumentException {

    InvalidApiKeyName() {
        super("An API key name has 1 to " + ApiKeyName.MAX_LENGTH + " characters");
    }
}
