package br.com.whatsappoficial.store;

import java.time.Instant;

/** An invitation not used yet and still valid, as the person invited sees it. */
public record PendingInvitation(String email, StoreRole role, String storeName, Instant expiresAt) {}
