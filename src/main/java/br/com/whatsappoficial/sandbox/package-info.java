/**
 * The Meta sandbox: a simulation of the Graph API, the Embedded Signup popup
 * ({@code /sandbox/dialog/embedded-signup}) and Meta's signed webhooks, with a console at {@code /sandbox},
 * that the product talks to over real HTTP in sandbox mode, exactly as it talks to Meta. It follows
 * {@code META-CONTRACT.md}; where Meta's documentation is silent the code says "(unverified)" and names
 * the choice. It never calls other modules' code and keeps its state in its own {@code sandbox_} tables.
 * {@link br.com.whatsappoficial.sandbox.SandboxMeta} is its Java API for tests, the console and the
 * signup popup.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"meta", "store", "web"})
package br.com.whatsappoficial.sandbox;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
