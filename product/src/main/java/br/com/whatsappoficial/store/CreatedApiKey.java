package br.com.whatsappoficial.store;

/** A key just created: the only moment its secret exists outside the engine that will use it. */
public record CreatedApiKey(ApiKey key, ApiKeySecret secret) {}
