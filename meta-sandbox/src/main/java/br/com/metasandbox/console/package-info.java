/** The console at {@code /sandbox}: playing Meta's people (reviews, limits, bans, templates), the customer's phone, what becomes of each sent message (the delivery page), the webhook deliveries and the faults page. */
@NullMarked
package br.com.metasandbox.console;

import org.jspecify.annotations.NullMarked;
