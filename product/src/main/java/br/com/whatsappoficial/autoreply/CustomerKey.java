package br.com.whatsappoficial.autoreply;

import br.com.whatsappoficial.account.BrazilianPhoneNumber;
import br.com.whatsappoficial.account.InvalidPhoneNumber;
import br.com.whatsappoficial.webhook.InboundMessageReceived;
import java.util.Optional;

/**
 * Whom a message came from, as the reply history groups it: the number's digits (a Brazilian mobile always
 * with its 9th digit, however Meta wrote its wa_id), or {@code user:} and Meta's business-scoped user id.
 */
record CustomerKey(String value) {

    private static final String USER = "user:";

    static Optional<CustomerKey> of(InboundMessageReceived message) {
        if (message.from() != null) {
            String digits = message.from().replaceAll("\\D", "");
            try {
                return Optional.of(new CustomerKey(
                        BrazilianPhoneNumber.fromWaId(digits).e164().substring(1)));
            } catch (InvalidPhoneNumber foreign) {
                return Optional.of(new CustomerKey(digits));
            }
        }
        return Optional.ofNullable(message.fromUserId()).map(userId -> new CustomerKey(USER + userId));
    }

    /** As the merchant reads it: +55 11 91234-5678, or the user id (public for the page). */
    public String display() {
        if (value.startsWith(USER)) {
            return value.substring(USER.length());
        }
        try {
            return BrazilianPhoneNumber.fromWaId(value).display();
        } catch (InvalidPhoneNumber foreign) {
            return "+" + value;
        }
    }
}
