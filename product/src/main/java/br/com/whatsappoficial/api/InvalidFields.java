package br.com.whatsappoficial.api;

import java.util.List;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * A {@code validation} problem a module reports itself (its own rules, and what the request's annotations
 * refused, together): each field with the message that says what is wrong, translated into the engine's
 * language when the answer is written.
 */
public class InvalidFields extends ApiProblem {

    /** One refused field: its JSON path, and the message that explains it. */
    public record Refusal(String field, MessageSourceResolvable message) {

        public Refusal(String field, String messageKey, List<Object> arguments) {
            this(field, new DefaultMessageSourceResolvable(new String[] {messageKey}, arguments.toArray()));
        }

        /** What a request's annotations refused (a field, or the whole object), with bean validation's message. */
        public static Refusal of(ObjectError error) {
            return new Refusal(error instanceof FieldError field ? field.getField() : error.getObjectName(), error);
        }
    }

    private final transient List<Refusal> refusals;

    public InvalidFields(List<Refusal> refusals) {
        super(ProblemCode.VALIDATION, refusals.size());
        this.refusals = List.copyOf(refusals);
    }

    public List<Refusal> refusals() {
        return refusals;
    }
}
