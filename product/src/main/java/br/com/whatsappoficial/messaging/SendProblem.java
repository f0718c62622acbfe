package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.api.ApiProblem;
import br.com.whatsappoficial.api.ProblemCode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** How the campaign API refuses a message, each as the engine branches on it; a refusal holds nothing. */
abstract class SendProblem extends ApiProblem {

    SendProblem(ProblemCode code, Object... detailArguments) {
        super(code, detailArguments);
    }

    /** The portfolio's proactive budget is used up until {@code retryAfter}. */
    static final class LimitReached extends SendProblem {
        private final transient Instant retryAfter;
        private final int limit;

        LimitReached(int limit, Instant retryAfter) {
            super(ProblemCode.PROACTIVE_LIMIT_REACHED, limit);
            this.limit = limit;
            this.retryAfter = retryAfter;
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("retryAfter", retryAfter.toString(), "limit", limit);
        }
    }

    /** Free-form content to a customer whose window is closed: only a template may go. */
    static final class OutsideWindow extends SendProblem {
        OutsideWindow() {
            super(ProblemCode.OUTSIDE_SERVICE_WINDOW);
        }
    }

    /**
     * The customer is on the store's suppression list since {@code optedOutAt}; only a reply inside a
     * window they opened after that may go.
     */
    static final class OptedOut extends SendProblem {
        private final transient Instant optedOutAt;

        OptedOut(Instant optedOutAt) {
            super(ProblemCode.RECIPIENT_OPTED_OUT);
            this.optedOutAt = optedOutAt;
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("optedOutAt", optedOutAt.toString());
        }
    }

    /**
     * A marketing template to a customer Meta refused marketing for its per-user limit (131049) less than 24 h
     * ago; {@code retryAfter} says when the store may try again.
     */
    static final class MarketingHeldBack extends SendProblem {
        private final transient Instant retryAfter;

        MarketingHeldBack(Instant retryAfter) {
            super(ProblemCode.MARKETING_HELD_BACK);
            this.retryAfter = retryAfter;
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("retryAfter", retryAfter.toString());
        }
    }

    static final class InvalidRecipient extends SendProblem {
        InvalidRecipient(String input) {
            super(ProblemCode.INVALID_RECIPIENT, input);
        }
    }

    /** No such template in the sending number's account, or Meta has not approved it (its status says which). */
    static final class TemplateNotApproved extends SendProblem {
        private final String status;

        TemplateNotApproved(String name, String language, String status) {
            super(ProblemCode.TEMPLATE_NOT_APPROVED, name, language);
            this.status = status;
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("templateStatus", status);
        }
    }

    /** The parameters do not fill the template's variables: which it expects, and in which form. */
    static final class TemplateParameters extends SendProblem {
        private final transient List<String> expected;
        private final String format;

        TemplateParameters(String name, List<String> expected, String format) {
            super(ProblemCode.TEMPLATE_PARAMETERS, name, String.join(", ", expected));
            this.expected = List.copyOf(expected);
            this.format = format;
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("expected", expected, "parameterFormat", format);
        }
    }

    static final class IdempotencyConflict extends SendProblem {
        IdempotencyConflict() {
            super(ProblemCode.IDEMPOTENCY_CONFLICT);
        }
    }

    static final class NotFound extends SendProblem {
        NotFound(String id) {
            super(ProblemCode.NOT_FOUND, "GET", "/api/v1/messages/" + id);
        }
    }
}
