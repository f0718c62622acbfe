package br.com.whatsappoficial.store;

import java.time.Instant;

/** An invitation of the current store not used yet and still valid, as its admins see it. */
public record TeamInvitation(InvitationId id, String email, StoreRole role, Instant createdAt, Instant expiresAt) {}
