package br.com.whatsappoficial.messaging;

import java.time.Instant;

/** Messages as the API would have stored them, for tests that need rows rather than a send. */
final class TestMessages {

    private TestMessages() {}

    /** A text to one customer, with made-up Meta ids, {@code status} as Meta last reported it. */
    static StoredMessage text(MessageId id, Instant at, DeliveryStatus status, Sending sending) {
        return text(id, at, status, sending, "phone-1");
    }

    static StoredMessage text(MessageId id, Instant at, DeliveryStatus status, Sending sending, String phone) {
        return new StoredMessage(
                id,
                phone,
                "waba-1",
                "portfolio-1",
                new Customer("5511987654321"),
                "+5511987654321",
                "+5511987654321",
                null,
                null,
                new MessageContent.Text("Oi", false),
                null,
                null,
                false,
                status,
                sending,
                null,
                0,
                null,
                null,
                at,
                at);
    }
}
