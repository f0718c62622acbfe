package br.com.whatsappoficial.api;

import java.util.Locale;
import org.springframework.http.HttpStatus;

/**
 * The stable machine codes of the API's errors, each with its HTTP status. The engine branches on the
 * code, never on the title or detail (they are translated), so a code is never renamed. Titles and
 * details are in the message bundles under {@code api.problem.<code>.title} and {@code .detail}.
 */
public enum ProblemCode {
    /** The store's proactive budget for the rolling 24 h is used up. */
    PROACTIVE_LIMIT_REACHED(HttpStatus.TOO_MANY_REQUESTS),
    /** Free-form text to a customer whose 24 h window is closed: a template is needed. */
    OUTSIDE_SERVICE_WINDOW(HttpStatus.UNPROCESSABLE_CONTENT),
    /** Not a WhatsApp-reachable number nor a business-scoped user id. */
    INVALID_RECIPIENT(HttpStatus.UNPROCESSABLE_CONTENT),
    /** The customer asked to stop receiving messages. */
    RECIPIENT_OPTED_OUT(HttpStatus.UNPROCESSABLE_CONTENT),
    /** Meta held marketing back from the customer (131049) less than 24 h ago; {@code retryAfter} says until when. */
    MARKETING_HELD_BACK(HttpStatus.UNPROCESSABLE_CONTENT),
    /** Unknown template or language, or not approved by Meta. */
    TEMPLATE_NOT_APPROVED(HttpStatus.UNPROCESSABLE_CONTENT),
    /** The parameters do not match the template's variables. */
    TEMPLATE_PARAMETERS(HttpStatus.UNPROCESSABLE_CONTENT),
    /** The store has no registered, connected number that may send. */
    NUMBER_NOT_READY(HttpStatus.CONFLICT),
    /** The same Idempotency-Key came with another body. */
    IDEMPOTENCY_CONFLICT(HttpStatus.CONFLICT),
    /** The WABA used Meta's template creations of the rolling hour; {@code retryAt} says when one frees. */
    TEMPLATE_CREATIONS_EXHAUSTED(HttpStatus.TOO_MANY_REQUESTS),
    /** Meta refused the template ({@code metaCode}, {@code metaMessage}); nothing was created. */
    TEMPLATE_NOT_CREATED(HttpStatus.UNPROCESSABLE_CONTENT),
    /** Meta did not answer in time; nothing was done, the engine may try again later. */
    META_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
    /** The request is malformed; {@code errors[]} names each field. */
    VALIDATION(HttpStatus.BAD_REQUEST),
    /** No API key, or one that is unknown or revoked. */
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED),
    /** No such resource in this store (another store's resource included: its existence is not revealed). */
    NOT_FOUND(HttpStatus.NOT_FOUND),
    /** The resource exists but not with this method. */
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
    /** The body's Content-Type is not JSON. */
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    /** The Accept header asks for something the API does not write. */
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),
    /** Our failure; the engine may retry later. */
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR);

    private final HttpStatus status;

    ProblemCode(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    /** The code as the engine reads it: {@code proactive_limit_reached}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    String titleKey() {
        return "api.problem." + code() + ".title";
    }

    String detailKey() {
        return "api.problem." + code() + ".detail";
    }

    /** The code of a refusal Spring MVC itself makes (no handler, wrong method, unreadable body...). */
    static ProblemCode forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHORIZED;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? INTERNAL_ERROR : VALIDATION;
        };
    }
}
