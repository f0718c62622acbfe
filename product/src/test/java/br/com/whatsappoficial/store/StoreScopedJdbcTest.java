package br.com.whatsappoficial.store;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StoreScopedJdbcTest {

    @Test
    void acceptsQueriesThatFilterByTheCurrentStore() {
        assertThatCode(() -> StoreScopedJdbc.requireStoreFilter("select * from t where store_id = :storeId"))
                .doesNotThrowAnyException();
        assertThatCode(() -> StoreScopedJdbc.requireStoreFilter(
                        "update t x set a = 1 where x.store_id=:storeId and id = :id"))
                .doesNotThrowAnyException();
    }

    @Test
    void acceptsInsertsThatWriteTheCurrentStore() {
        assertThatCode(() -> StoreScopedJdbc.requireStoreFilter("insert into t (store_id, a) values (:storeId, :a)"))
                .doesNotThrowAnyException();
        assertThatCode(() -> StoreScopedJdbc.requireStoreFilter(
                        "with m as (insert into t (store_id, a) values (:storeId, :a))"
                                + " insert into u (store_id, valid_from) values (:storeId, :from)"))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesChainedInsertsWhenOneOfThemDoesNotWriteTheStore() {
        assertThatThrownBy(() -> StoreScopedJdbc.requireStoreFilter(
                        "with m as (insert into t (store_id, a) values (:storeId, :a)) insert into u (a) values (:a)"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoreScopedJdbc.requireStoreFilter(
                        "with m as (insert into t (a) values (:a)) insert into u (store_id, a) values (:storeId, :a)"))
                .isInstanceOf(IllegalArgumentException.class);
        // An insert that reads rows is no longer only inserts: it must filter by the store.
        assertThatThrownBy(() -> StoreScopedJdbc.requireStoreFilter(
                        "with m as (insert into t (store_id, a) values (:storeId, :a))"
                                + " insert into u (store_id, a) select :storeId, a from v"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesQueriesThatDoNotFilterByStore() {
        assertThatThrownBy(() -> StoreScopedJdbc.requireStoreFilter("select * from store_users where email = :e"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoreScopedJdbc.requireStoreFilter("delete from t where store_id is not null"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoreScopedJdbc.requireStoreFilter("insert into t (a) values (:a)"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
