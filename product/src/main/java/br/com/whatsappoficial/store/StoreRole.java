package br.com.whatsappoficial.store;

/** What a user may do in their store. */
public enum StoreRole {
    /** Connects WhatsApp, manages settings and the team. */
    ADMIN,
    /** Sees everything of the store (status, templates, team) and changes nothing. */
    MEMBER;

    public String authority() {
        return "ROLE_" + name();
    }
}
