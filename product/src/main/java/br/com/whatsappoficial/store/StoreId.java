package br.com.whatsappoficial.store;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifies a store (tenant). Every row of store-owned data carries one. */
public record StoreId(UUID value) implements Serializable {

    public StoreId {
        Objects.requireNonNull(value, "store id");
    }

    public static StoreId random() {
        return new StoreId(UUID.randomUUID());
    }

    public static StoreId of(String value) {
        return new StoreId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
