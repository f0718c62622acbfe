package br.com.whatsappoficial.meta;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Meta accepted a message for delivery; delivery itself is reported later by status webhooks.
 * {@code wa_id} may differ from the number sent (Brazil's 9th digit), so contacts are keyed by it.
 */
public record MessageAccepted(List<Contact> contacts, List<Message> messages) {

    public MessageAccepted {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    public record Contact(@Nullable String input, @Nullable String waId) {}

    /** {@code messageStatus}: templates only, {@code accepted} or {@code held_for_quality_assessment}. */
    public record Message(String id, @Nullable String messageStatus) {}

    public String messageId() {
        return messages.getFirst().id();
    }

    public @Nullable String waId() {
        return contacts.isEmpty() ? null : contacts.getFirst().waId();
    }
}
