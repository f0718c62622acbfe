package br.com.whatsappoficial.meta;

/** Whether the product talks to the real Meta or to the embedded Meta sandbox. */
public enum MetaMode {
    /** The embedded simulator of the Graph API, the signup popup and the webhooks (the default). */
    SANDBOX,
    /** graph.facebook.com, Facebook's JS SDK and Meta's own webhooks. */
    LIVE
}
