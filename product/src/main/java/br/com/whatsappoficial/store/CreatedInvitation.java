package br.com.whatsappoficial.store;

import java.time.Instant;

/** A new invitation with its token, which exists only here: the admin passes the link on once. */
public record CreatedInvitation(String email, StoreRole role, InvitationToken token, Instant expiresAt) {}
