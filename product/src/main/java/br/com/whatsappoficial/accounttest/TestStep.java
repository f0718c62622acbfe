package br.com.whatsappoficial.accounttest;

/**
 * The steps of a run, in the order they are proven: three checks at Meta, the template's statuses as
 * Meta reports them, and the customer's message with the run's code.
 */
enum TestStep {
    TOKEN(Kind.CHECK),
    NUMBER(Kind.CHECK),
    WEBHOOKS(Kind.CHECK),
    SENT(Kind.OUTBOUND),
    DELIVERED(Kind.OUTBOUND),
    READ(Kind.OUTBOUND),
    INBOUND(Kind.INBOUND);

    enum Kind {
        CHECK,
        OUTBOUND,
        INBOUND
    }

    private final Kind kind;

    TestStep(Kind kind) {
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    /** The step a status of Meta's proves, for the three statuses of a sent message. */
    static java.util.Optional<TestStep> ofStatus(String status) {
        return switch (status) {
            case "sent" -> java.util.Optional.of(SENT);
            case "delivered" -> java.util.Optional.of(DELIVERED);
            case "read" -> java.util.Optional.of(READ);
            default -> java.util.Optional.empty();
        };
    }
}
