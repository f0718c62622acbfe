package br.com.whatsappoficial.profile;

/** A logo that cannot become a profile picture, and why; each reason has a pt-BR message under its key. */
class PictureRefused extends RuntimeException {

    enum Reason {
        /** Not a PNG, JPEG or WebP by its bytes, whatever its name says. */
        NOT_AN_IMAGE,
        TOO_LARGE,
        /** More pixels than we decode, however small the file: a decompression bomb or a poster. */
        TOO_MANY_PIXELS,
        /** Meta may refuse pictures with an edge under 192 px, and they look blurred anyway. */
        TOO_SMALL,
        UNREADABLE;

        String messageKey() {
            return "profile.picture.refused." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Reason reason;

    PictureRefused(Reason reason) {
        super("Logo refused: " + reason);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
