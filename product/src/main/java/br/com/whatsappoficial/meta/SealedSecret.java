package br.com.whatsappoficial.meta;

import java.util.Arrays;
import java.util.Objects;

/** A secret encrypted by the {@link SecretVault}: safe to store, useless without the key and its store. */
public record SealedSecret(byte[] ciphertext) {

    public SealedSecret {
        Objects.requireNonNull(ciphertext, "ciphertext");
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedSecret sealed && Arrays.equals(ciphertext, sealed.ciphertext);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "SealedSecret[" + ciphertext.length + " bytes]";
    }
}
