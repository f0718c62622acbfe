package br.com.whatsappoficial.account;

/** How recording a new connection ended. */
public enum ConnectOutcome {
    /** First number of a WABA new to us: connected and active. */
    CONNECTED,
    /** Another number of a WABA the store already had (inactive at first, F6). */
    NUMBER_ADDED,
    /** The number was connected before: token and fields refreshed (a re-run of the signup). */
    RECONNECTED,
    /** The WABA already belongs to another store: nothing recorded. */
    WABA_OF_ANOTHER_STORE,
    /** The number is already connected to another store (Meta moved it between WABAs): nothing recorded. */
    NUMBER_OF_ANOTHER_STORE,
    /** The WABA already holds its maximum of numbers (3 unless Meta says fewer): refused. */
    TOO_MANY_NUMBERS;

    /** Whether the connection was recorded; a refused one must leave nothing behind. */
    public boolean kept() {
        return this == CONNECTED || this == NUMBER_ADDED || this == RECONNECTED;
    }
}
