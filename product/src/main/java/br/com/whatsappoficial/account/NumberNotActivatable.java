package br.com.whatsappoficial.account;

/** The merchant chose a number campaigns cannot use: not one of the store's, or refused by Meta. */
public class NumberNotActivatable extends RuntimeException {

    private final boolean refusedByMeta;

    NumberNotActivatable(String phoneNumberId, boolean refusedByMeta) {
        super("number " + phoneNumberId + (refusedByMeta ? " was refused by Meta" : " is not the store's"));
        this.refusedByMeta = refusedByMeta;
    }

    /** The pt-BR explanation's key. */
    public String messageKey() {
        return refusedByMeta ? "connected.activate.refused" : "connected.activate.unknown";
    }
}
