package br.com.whatsappoficial.autoreply;

/** The button's label: Meta takes 1 to 20 characters for a call-to-action button. */
record ButtonLabel(String value) {

    static final int MOST = 20;

    ButtonLabel {
        value = value == null ? "" : value.strip();
        if (value.isEmpty()) {
            throw new InvalidSetting("buttonLabel", "autoreply.error.label.empty");
        }
        if (value.length() > MOST) {
            throw new InvalidSetting("buttonLabel", "autoreply.error.label.long");
        }
    }
}
