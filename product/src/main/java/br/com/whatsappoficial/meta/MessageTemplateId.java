package br.com.whatsappoficial.meta;

/** The id Meta gave a message template: digits only, so it is safe in a Graph path. */
public record MessageTemplateId(String value) {

    public MessageTemplateId {
        MetaIds.requireDigits("message_template_id", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
