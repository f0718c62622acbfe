package br.com.whatsappoficial.meta;

/** A value offered as one of Meta's ids is not one: Meta's object ids are decimal digits only. */
public class InvalidMetaId extends IllegalArgumentException {

    private final String field;

    InvalidMetaId(String field) {
        super("not a Meta id: " + field, null);
        this.field = field;
    }

    /** Which id was wrong, in Meta's spelling (e.g. {@code waba_id}); the value is never echoed. */
    public String field() {
        return field;
    }
}
