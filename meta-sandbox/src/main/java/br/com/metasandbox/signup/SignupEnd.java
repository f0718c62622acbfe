package br.com.metasandbox.signup;

import org.jspecify.annotations.Nullable;

/**
 * How a popup run ends: the two messages for the opener, each a JSON string, posted to {@code origin}.
 *
 * @param sessionInfo the {@code WA_EMBEDDED_SIGNUP} message (absent when the user leaves at Facebook's login,
 *     before Embedded Signup proper)
 * @param login what {@code FB.login}'s callback would get, as a {@code SANDBOX_FB_LOGIN} message
 * @param errorMessage the error the user reported, shown before the window closes
 */
record SignupEnd(
        String event,
        String origin,
        @Nullable String sessionInfo,
        String login,
        @Nullable String errorMessage) {}
