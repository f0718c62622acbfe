package br.com.whatsappoficial.store;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** One invitation of a store's team. */
public record InvitationId(UUID value) {

    public InvitationId {
        Objects.requireNonNull(value, "invitation id");
    }

    /** The id a URL names, if it is one. */
    public static Optional<InvitationId> parse(String text) {
        try {
            return Optional.of(new InvitationId(UUID.fromString(text)));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
