/**
 * Sending through a store's connected number for the campaign engine ({@code /api/v1}): the customers'
 * service windows, the proactive budget per business portfolio, the durable outbox and its workers that
 * call Meta, and each message's status from Meta's webhooks.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"api", "account", "store", "meta", "template", "webhook"})
package br.com.whatsappoficial.messaging;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
