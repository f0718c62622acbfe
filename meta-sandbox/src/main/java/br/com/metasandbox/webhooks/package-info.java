/** The webhooks Meta sends: what happened turned into payloads, a durable outbox of deliveries, the {@code X-Hub-Signature-256} signer and the sender that retries until the callback answers 200. */
@NullMarked
package br.com.metasandbox.webhooks;

import org.jspecify.annotations.NullMarked;
