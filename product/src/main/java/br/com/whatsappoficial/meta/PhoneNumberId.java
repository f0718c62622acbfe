package br.com.whatsappoficial.meta;

/** The id Meta gave a business phone number (not the number itself): digits only, safe in a Graph path. */
public record PhoneNumberId(String value) {

    public PhoneNumberId {
        MetaIds.requireDigits("phone_number_id", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
