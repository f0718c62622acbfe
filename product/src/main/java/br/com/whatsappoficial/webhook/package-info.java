/**
 * Meta's webhooks: verified, stored durably in an inbox before they are acknowledged, then processed
 * by workers into the typed events of this package that the other modules react to.
 */
@NullMarked
package br.com.whatsappoficial.webhook;

import org.jspecify.annotations.NullMarked;
