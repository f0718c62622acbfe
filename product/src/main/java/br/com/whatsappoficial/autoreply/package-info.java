/**
 * Resposta automática: answers a customer's message, inside the window it opened, with the merchant's text
 * and a button to the store's site, when the merchant's rule (always, outside business hours, first message)
 * and the loop guards allow it, and keeps what it did and did not send, and why.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"account", "messaging", "meta", "store", "webhook", "web"})
package br.com.whatsappoficial.autoreply;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
