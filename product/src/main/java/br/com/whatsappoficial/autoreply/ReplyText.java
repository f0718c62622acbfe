package br.com.whatsappoficial.autoreply;

/** The reply's text: Meta takes 1 to 1024 characters in an interactive message's body. */
record ReplyText(String value) {

    static final int MOST = 1024;

    ReplyText {
        value = value == null ? "" : value.strip();
        if (value.isEmpty()) {
            throw new InvalidSetting("body", "autoreply.error.body.empty");
        }
        if (value.length() > MOST) {
            throw new InvalidSetting("body", "autoreply.error.body.long");
        }
    }
}
