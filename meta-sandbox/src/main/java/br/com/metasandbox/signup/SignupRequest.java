package br.com.metasandbox.signup;

import org.jspecify.annotations.Nullable;

/**
 * What the product's {@code window.open} of the popup asked for.
 *
 * @param origin the opener's origin, the only target of the popup's messages
 * @param appId the app that opened the popup
 * @param extras the launcher's {@code extras} (JSON as given), kept for the run
 */
record SignupRequest(String origin, String appId, @Nullable String extras) {}
