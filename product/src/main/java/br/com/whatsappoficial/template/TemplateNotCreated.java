package br.com.whatsappoficial.template;

import br.com.whatsappoficial.meta.MetaCallFailed;
import br.com.whatsappoficial.meta.MetaErrorClass;
import org.jspecify.annotations.Nullable;

/** Meta refused the template or could not be reached: nothing was created, the merchant may try again. */
public class TemplateNotCreated extends RuntimeException {

    private final MetaErrorClass errorClass;
    private final int code;
    private final @Nullable String metaMessage;

    TemplateNotCreated(MetaCallFailed failed) {
        super("Meta did not create the template: " + failed.getMessage(), failed);
        this.errorClass = failed.errorClass();
        this.code = failed.code();
        this.metaMessage = metaMessageOf(failed);
    }

    /** Meta's own words about a refusal: its message for people first, then its details, then its message. */
    static @Nullable String metaMessageOf(MetaCallFailed failed) {
        return failed.error() == null
                ? null
                : failed.error().errorUserMsg() != null
                        ? failed.error().errorUserMsg()
                        : failed.error().details() != null
                                ? failed.error().details()
                                : failed.error().message();
    }

    public MetaErrorClass errorClass() {
        return errorClass;
    }

    /** Meta's error code, -1 when Meta never answered. */
    public int code() {
        return code;
    }

    /** Meta's explanation, shown as Meta wrote it (Meta localises {@code error_user_msg} itself). */
    public @Nullable String metaMessage() {
        return metaMessage;
    }
}
