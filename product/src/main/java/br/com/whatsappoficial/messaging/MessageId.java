package br.com.whatsappoficial.messaging;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Our id of a message, given to the engine and sent to Meta as {@code biz_opaque_callback_data}. */
record MessageId(UUID value) {

    MessageId {
        Objects.requireNonNull(value);
    }

    static MessageId random() {
        return new MessageId(UUID.randomUUID());
    }

    /** The id in a path or in Meta's echo; empty for anything that is not one of ours. */
    static Optional<MessageId> parse(String text) {
        try {
            return Optional.of(new MessageId(UUID.fromString(text)));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
