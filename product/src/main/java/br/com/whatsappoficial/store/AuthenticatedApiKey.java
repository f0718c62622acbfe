package br.com.whatsappoficial.store;

/** A request that presented a valid, unrevoked key: it acts as the key's store and nothing else. */
public record AuthenticatedApiKey(StoreId storeId, ApiKeyId keyId, ApiKeyMode mode) {

    @Override
    public String toString() {
        return "AuthenticatedApiKey[" + mode.prefix() + keyId + " @ " + storeId + "]";
    }
}
