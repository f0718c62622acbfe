package br.com.whatsappoficial.store;

/**
 * Whether a key works against the Meta sandbox or the real Meta. The prefix is in the key itself, so
 * secret scanners find leaked keys and a test key is never mistaken for a live one.
 */
public enum ApiKeyMode {
    /** Keys of a node in sandbox mode, the demo stores' public keys among them. */
    TEST("wo_test_"),
    /** Keys of a node that talks to the real Meta. */
    LIVE("wo_live_");

    private final String prefix;

    ApiKeyMode(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
