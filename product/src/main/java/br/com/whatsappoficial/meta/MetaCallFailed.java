package br.com.whatsappoficial.meta;

import org.jspecify.annotations.Nullable;

/**
 * A Graph API call that did not succeed: Meta answered with an error, did not answer in time, or could
 * not be reached. Carries what callers decide on (the {@link MetaErrorClass}) and what support needs
 * (code, subcode, fbtrace_id); never a token, a secret or a full URL.
 */
public class MetaCallFailed extends RuntimeException {

    private final String operation;
    private final MetaErrorClass errorClass;
    private final int httpStatus;
    private final @Nullable GraphError error;
    private final boolean outcomeUnknown;

    MetaCallFailed(
            String operation,
            MetaErrorClass errorClass,
            int httpStatus,
            @Nullable GraphError error,
            boolean outcomeUnknown,
            String description,
            @Nullable Throwable cause) {
        super(description, cause, false, cause == null);
        this.operation = operation;
        this.errorClass = errorClass;
        this.httpStatus = httpStatus;
        this.error = error;
        this.outcomeUnknown = outcomeUnknown;
    }

    /** The Graph operation, e.g. {@code phone.register}. */
    public String operation() {
        return operation;
    }

    public MetaErrorClass errorClass() {
        return errorClass;
    }

    /** 0 when Meta never answered. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Meta's error, when it answered with one. */
    public @Nullable GraphError error() {
        return error;
    }

    /** Meta's error code, or -1 when it never answered. */
    public int code() {
        return error == null ? -1 : error.code();
    }

    public @Nullable Integer errorSubcode() {
        return error == null ? null : error.errorSubcode();
    }

    public @Nullable String fbtraceId() {
        return error == null ? null : error.fbtraceId();
    }

    /**
     * True when the request may have been carried out although we got no answer (a read timeout after
     * a send): such a call is reconciled from Meta's webhooks, not blindly repeated.
     */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
