/** The console at {@code /sandbox}: playing Meta's people (reviews, limits, bans), the customer's phone, the webhook deliveries and the faults page. */
@NullMarked
package br.com.metasandbox.console;

import org.jspecify.annotations.NullMarked;
