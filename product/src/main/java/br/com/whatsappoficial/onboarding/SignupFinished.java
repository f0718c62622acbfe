package br.com.whatsappoficial.onboarding;

import br.com.whatsappoficial.meta.PhoneNumberId;
import br.com.whatsappoficial.meta.WabaId;
import org.jspecify.annotations.Nullable;

/**
 * What the browser got from Embedded Signup: the one-time code of FB.login's callback and the ids of
 * the session-info message, which may be missing when the message was lost. The ids are only claims of
 * the browser's until Meta confirms them; the business id is never taken from it.
 */
record SignupFinished(
        String code, @Nullable WabaId wabaId, @Nullable PhoneNumberId phoneNumberId) {}
