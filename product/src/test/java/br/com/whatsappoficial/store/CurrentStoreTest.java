package br.com.whatsappoficial.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CurrentStoreTest {

    @Test
    void failsClosedOutsideOfAnyStore() {
        assertThat(CurrentStore.current()).isEmpty();
        assertThatThrownBy(CurrentStore::require).isInstanceOf(NoCurrentStore.class);
    }

    @Test
    void isBoundOnlyForTheWorkRunAsAStore() {
        StoreId store = StoreId.random();
        StoreId seen = CurrentStore.callAs(store, CurrentStore::require);
        assertThat(seen).isEqualTo(store);
        assertThat(CurrentStore.current()).isEmpty();
    }

    @Test
    void innerBindingWinsAndTheOuterOneComesBack() {
        StoreId outer = StoreId.random();
        StoreId inner = StoreId.random();
        CurrentStore.runAs(outer, () -> {
            assertThat(CurrentStore.callAs(inner, CurrentStore::require)).isEqualTo(inner);
            assertThat(CurrentStore.require()).isEqualTo(outer);
        });
    }
}
