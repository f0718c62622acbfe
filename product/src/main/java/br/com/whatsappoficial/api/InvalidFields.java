package br.com.whatsappoficial.api;

import java.util.List;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.FieldError;

/**
 * A {@code validation} problem found by a module's own rules rather than by binding: each field with the
 * message key (and its arguments) that says what is wrong, translated into the engine's language when the
 * answer is written.
 */
public class InvalidFields extends ApiProblem {

    /** One refused field: its JSON path, and the message that explains it. */
    public record Refusal(String field, MessageSourceResolvable message) {

        public Refusal(String field, String messageKey, List<Object> arguments) {
            this(field, new DefaultMessageSourceResolvable(new String[] {messageKey}, arguments.toArray()));
        }

        /** A field its annotations refused, with the message bean validation gave it. */
        public static Refusal of(FieldError error) {
            return new Refusal(error.getField(), error);
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
