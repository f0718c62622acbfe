/**
 * Sending through a store's connected number for the campaign engine ({@code /api/v1}): today the
 * store's proactive limits; the send outbox, customer-service windows and the proactive budget come next.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"api", "account", "store"})
package br.com.whatsappoficial.messaging;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
