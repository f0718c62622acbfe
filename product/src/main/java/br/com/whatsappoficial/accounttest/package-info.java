/**
 * Testar a conta: one button that proves a store's number works end to end (token, number and webhook
 * subscription checked at Meta, an approved template sent to the merchant's own phone and followed to
 * read, a customer's message with a unique code received back), each run kept with its verdict.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"account", "api", "messaging", "meta", "store", "template", "webhook"})
package br.com.whatsappoficial.accounttest;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
