package br.com.whatsappoficial.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The one-time secret of an invitation link: 43 base-62 characters (256 random bits), so its SHA-256 is all
 * that needs storing and one indexed lookup finds it.
 */
public record InvitationToken(String value) {

    static final int LENGTH = 43;
    private static final Pattern FORMAT = Pattern.compile("[0-9A-Za-z]{" + LENGTH + "}");

    public InvitationToken {
        if (!FORMAT.matcher(value).matches()) {
            throw new InvitationRefused("invitation.unknown");
        }
    }

    static InvitationToken generate(SecureRandom random) {
        return new InvitationToken(Base62.random(random, LENGTH));
    }

    byte[] hash() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "InvitationToken[redacted]";
    }
}
