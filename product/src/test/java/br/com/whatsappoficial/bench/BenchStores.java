package br.com.whatsappoficial.bench;

import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreId;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.JdbcTemplate;

/** Stores the benchmarks make, connected as onboarding records them, without going through Meta. */
final class BenchStores {

    private BenchStores() {}

    /** A new store owning the WABA and its number. */
    static StoreId connect(StoreDirectory stores, JdbcTemplate jdbc, String run, String waba, String phone) {
        StoreId store = stores.create("Loja " + run, "Dona " + run, "dona-" + run + "@bench.example", "senha-123456");
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.update(
                "insert into wabas (waba_id, store_id, business_token, connected_at) values (?, ?, ?, ?)",
                waba,
                store.value(),
                new byte[] {1},
                now);
        jdbc.update(
                "insert into phone_numbers (phone_number_id, store_id, waba_id, e164, created_at)"
                        + " values (?, ?, ?, '+5511987654321', ?)",
                phone,
                store.value(),
                waba,
                now);
        return store;
    }
}
