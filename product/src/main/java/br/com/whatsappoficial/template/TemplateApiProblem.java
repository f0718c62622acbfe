package br.com.whatsappoficial.template;

import br.com.whatsappoficial.api.ApiProblem;
import br.com.whatsappoficial.api.ProblemCode;
import java.util.Map;

/** How the campaign API answers what went wrong with a template, each as the engine branches on it. */
abstract class TemplateApiProblem extends ApiProblem {

    TemplateApiProblem(ProblemCode code, Object... detailArguments) {
        super(code, detailArguments);
    }

    /** No template of this name and language in the store (another store's included). */
    static final class NotFound extends TemplateApiProblem {
        NotFound(String name, String language) {
            super(ProblemCode.NOT_FOUND, "GET", "/api/v1/templates/" + name + "?language=" + language);
        }
    }

    /** No connected WABA whose access Meta still accepts: the number is not ready for templates either. */
    static final class NoWaba extends TemplateApiProblem {
        NoWaba() {
            super(ProblemCode.NUMBER_NOT_READY);
        }
    }

    /** Meta's creations of the hour are used up for the WABA. */
    static final class CreationsExhausted extends TemplateApiProblem {
        private final transient TemplateCreationsExhausted exhausted;

        CreationsExhausted(TemplateCreationsExhausted exhausted) {
            super(ProblemCode.TEMPLATE_CREATIONS_EXHAUSTED, exhausted.limit());
            this.exhausted = exhausted;
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("retryAt", exhausted.retryAt().toString(), "limit", exhausted.limit());
        }
    }

    /** Meta answered with a refusal: its code and its own words go with ours. */
    static final class RefusedByMeta extends TemplateApiProblem {
        private final transient TemplateNotCreated refusal;

        RefusedByMeta(TemplateNotCreated refusal) {
            super(ProblemCode.TEMPLATE_NOT_CREATED, refusal.code());
            this.refusal = refusal;
        }

        @Override
        public Map<String, Object> properties() {
            return refusal.metaMessage() == null
                    ? Map.of("metaCode", refusal.code())
                    : Map.of("metaCode", refusal.code(), "metaMessage", refusal.metaMessage());
        }
    }

    /** Meta did not answer: nothing was created here; the engine may try again later. */
    static final class MetaUnavailable extends TemplateApiProblem {
        MetaUnavailable() {
            super(ProblemCode.META_UNAVAILABLE);
        }
    }
}
