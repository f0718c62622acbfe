package br.com.whatsappoficial.template;

import br.com.whatsappoficial.meta.MetaCallFailed;
import br.com.whatsappoficial.meta.MetaErrorClass;
import org.jspecify.annotations.Nullable;

/** Meta refused an edit or a deletion, or did not answer: nothing changed, the merchant may try again. */
public class TemplateChangeFailed extends RuntimeException {

    private final MetaErrorClass errorClass;
    private final int code;
    private final @Nullable String metaMessage;

    TemplateChangeFailed(MetaCallFailed failed) {
        super("Meta did not change the template: " + failed.getMessage(), failed);
        this.errorClass = failed.errorClass();
        this.code = failed.code();
        this.metaMessage = TemplateNotCreated.metaMessageOf(failed);
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
