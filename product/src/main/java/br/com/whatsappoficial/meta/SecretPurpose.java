package br.com.whatsappoficial.meta;

/** What a sealed secret is for; part of its associated data, so secrets cannot be swapped. */
public enum SecretPurpose {
    BUSINESS_TOKEN,
    TWO_STEP_PIN,
    CALLBACK_SECRET
}
