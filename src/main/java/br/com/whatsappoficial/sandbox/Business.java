package br.com.whatsappoficial.sandbox;

import java.time.Instant;

/** A business portfolio as the sandbox keeps it. */
record Business(String id, String name, String systemUserId, String verificationStatus, Instant createdAt) {}
