package br.com.whatsappoficial.meta;

/** The id Meta gave a WhatsApp Business Account: digits only, so it is safe in a Graph path. */
public record WabaId(String value) {

    public WabaId {
        MetaIds.requireDigits("waba_id", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
