package br.com.whatsappoficial.account;

import br.com.whatsappoficial.store.CrossStore;
import br.com.whatsappoficial.store.StoreId;
import br.com.whatsappoficial.webhook.StoreOfMetaIds;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds which store a WABA or phone number of Meta's belongs to, so that webhooks (which carry only
 * Meta's ids) are processed as that store. An unknown id has no store: never guess one.
 */
@Component
@CrossStore("Meta's webhooks carry only Meta's ids; this is how their store becomes known")
public class AccountDirectory implements StoreOfMetaIds {

    private final JdbcClient jdbc;

    AccountDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StoreId> storeOfWaba(String wabaId) {
        return jdbc.sql("select store_id from wabas where waba_id = :id")
                .param("id", wabaId)
                .query(UUID.class)
                .optional()
                .map(StoreId::new);
    }

    @Override
    public Optional<StoreId> storeOfPhoneNumber(String phoneNumberId) {
        return jdbc.sql("select store_id from phone_numbers where phone_number_id = :id")
                .param("id", phoneNumberId)
                .query(UUID.class)
                .optional()
                .map(StoreId::new);
    }
}
