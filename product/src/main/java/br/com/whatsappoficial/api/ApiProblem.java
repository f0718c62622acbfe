package br.com.whatsappoficial.api;

import java.util.Map;

/**
 * A failure of the campaign API that the engine should see as itself: thrown anywhere below a {@link
 * CampaignApi} controller, it becomes problem+json with its {@link ProblemCode}, the translated title
 * and a detail built from {@link #detailArguments()}. Subclasses are named for what went wrong.
 */
public abstract class ApiProblem extends RuntimeException {

    private final ProblemCode code;
    private final transient Object[] detailArguments;

    protected ApiProblem(ProblemCode code, Object... detailArguments) {
        super(code.code());
        this.code = code;
        this.detailArguments = detailArguments.clone();
    }

    public ProblemCode code() {
        return code;
    }

    /** The arguments of the detail message ({@code api.problem.<code>.detail}), in its order. */
    public Object[] detailArguments() {
        return detailArguments.clone();
    }

    /** Extra members of the answer (e.g. {@code retryAfter}); none by default. */
    public Map<String, Object> properties() {
        return Map.of();
    }
}
