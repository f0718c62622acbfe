/**
 * The Meta sandbox: a simulation of the Graph API, the Embedded Signup popup
 * ({@code /sandbox/dialog/embedded-signup}) and Meta's signed webhooks, with a console at {@code /sandbox},
 * that the product talks to over real HTTP in sandbox mode, exactly as it talks to Meta. Where Meta's
 * documentation is silent the code says "(unverified)" and names the choice. It is switched on by one gate,
 * {@link br.com.metasandbox.MetaSandboxAutoConfiguration}, and keeps its state in its own {@code sandbox_}
 * tables under its own Flyway history. {@link br.com.metasandbox.SandboxMeta} is its Java API for tests,
 * the console and the signup popup; its values ({@code SandboxBusiness}, {@code SandboxWaba},
 * {@code SandboxPhone}, {@code SandboxSentMessage}, {@code SandboxFault}) sit beside it.
 *
 * <p>Inside: {@code state} (what Meta knows), {@code graph} (the Graph API and the rules behind it),
 * {@code webhooks} (what Meta tells the app), {@code signup} (the Embedded Signup popup), {@code console}
 * (the pages where one plays Meta and the customer) and {@code web} (how all of it is served).
 */
@NullMarked
package br.com.metasandbox;

import org.jspecify.annotations.NullMarked;
