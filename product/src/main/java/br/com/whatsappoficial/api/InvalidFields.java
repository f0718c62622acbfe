package br.com.whatsappoficial.api;

import java.util.List;

/**
 * A {@code validation} problem found by a module's own rules rather than by binding: each field with the
 * message key (and its arguments) that says what is wrong, translated into the engine's language when the
 * answer is written.
 */
public class InvalidFields extends ApiProblem {

    /** One refused field: its JSON path, and the message that explains it. */
    public record Refusal(String field, String messageKey, List<Object> arguments) {

        public Refusal {
            arguments = List.copyOf(arguments);
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
