package br.com.whatsappoficial.meta;

/** A sealed secret did not decrypt: wrong store, wrong purpose, a lost key or tampering. */
public class SecretUnreadable extends RuntimeException {

    SecretUnreadable(SecretPurpose purpose) {
        super("A sealed " + purpose + " could not be decrypted");
    }
}
