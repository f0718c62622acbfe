package br.com.whatsappoficial.onboarding;

import org.jspecify.annotations.Nullable;

/**
 * What the browser got from Embedded Signup: the one-time code of FB.login's callback and the
 * session-info message (META-CONTRACT §1). The ids may be missing when the message was lost.
 */
record SignupFinished(
        String code,
        @Nullable String wabaId,
        @Nullable String phoneNumberId,
        @Nullable String businessId) {}
