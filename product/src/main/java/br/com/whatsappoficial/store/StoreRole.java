package br.com.whatsappoficial.store;

/** What a user may do in their store. */
public enum StoreRole {
    /** Connects WhatsApp, manages settings and the team. */
    ADMIN,
    /** Reads status and tests the account. */
    MEMBER;

    public String authority() {
        return "ROLE_" + name();
    }
}
