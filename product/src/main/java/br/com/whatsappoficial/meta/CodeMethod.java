package br.com.whatsappoficial.meta;

/** How Meta sends the verification code: SMS for mobiles, a voice call for landlines (or on request). */
public enum CodeMethod {
    SMS,
    VOICE
}
