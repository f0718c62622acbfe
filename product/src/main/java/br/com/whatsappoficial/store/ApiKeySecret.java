package br.com.whatsappoficial.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A whole API key as the campaign engine sends it: {@code wo_live_<id>_<secret>} or {@code
 * wo_test_<id>_<secret>}, the secret being 32 random bytes in base 62. Only its SHA-256 is stored: 256
 * random bits need no slow password hash, and a fast one keeps authentication to one indexed query and
 * one digest. {@link #toString()} never shows the secret, so a key that reaches a log line by mistake
 * leaks nothing.
 */
public final class ApiKeySecret {

    static final int SECRET_LENGTH = 43;
    private static final int SECRET_BYTES = 32;

    private static final Pattern FORMAT =
            Pattern.compile("wo_(test|live)_([0-9A-Za-z]{" + ApiKeyId.LENGTH + "})_[0-9A-Za-z]{" + SECRET_LENGTH + "}");

    private final String value;
    private final ApiKeyMode mode;
    private final ApiKeyId id;

    private ApiKeySecret(String value, ApiKeyMode mode, ApiKeyId id) {
        this.value = value;
        this.mode = mode;
        this.id = id;
    }

    /** The key in a request's header; empty for anything that is not shaped like one of our keys. */
    public static Optional<ApiKeySecret> parse(String presented) {
        Matcher matcher = FORMAT.matcher(presented);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        ApiKeyMode mode = "live".equals(matcher.group(1)) ? ApiKeyMode.LIVE : ApiKeyMode.TEST;
        return Optional.of(new ApiKeySecret(presented, mode, new ApiKeyId(matcher.group(2))));
    }

    static ApiKeySecret generate(ApiKeyMode mode, SecureRandom random) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return of(mode, ApiKeyId.random(random), secret);
    }

    /**
     * A key computed from a seed instead of drawn at random: the sandbox's demo stores get the same public
     * key on every machine and every start, so the README can list it although only its hash is stored.
     */
    static ApiKeySecret derived(ApiKeyMode mode, String seed) {
        String id =
                Base62.encode(sha256("api-key-id|" + seed), SECRET_LENGTH).substring(SECRET_LENGTH - ApiKeyId.LENGTH);
        return of(mode, new ApiKeyId(id), sha256("api-key-secret|" + seed));
    }

    private static ApiKeySecret of(ApiKeyMode mode, ApiKeyId id, byte[] secret) {
        String value = mode.prefix() + id.value() + "_" + Base62.encode(secret, SECRET_LENGTH);
        return new ApiKeySecret(value, mode, id);
    }

    public ApiKeyMode mode() {
        return mode;
    }

    public ApiKeyId id() {
        return id;
    }

    /** The key to show once to the merchant who created it, and never again. */
    public String reveal() {
        return value;
    }

    /** What is stored: the SHA-256 of the whole key. */
    byte[] hash() {
        return sha256(value);
    }

    /** Compares in constant time, so the time taken says nothing about how much of a hash matched. */
    boolean matches(byte[] storedHash) {
        return MessageDigest.isEqual(hash(), storedHash);
    }

    /** The part of the key that is safe to show and to log: its mode and id. */
    public String prefix() {
        return mode.prefix() + id.value();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKeySecret that && MessageDigest.isEqual(hash(), that.hash());
    }

    @Override
    public int hashCode() {
        return Objects.hash(id);
    }

    @Override
    public String toString() {
        return prefix() + "_…";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }
}
