package br.com.whatsappoficial.account;

import br.com.whatsappoficial.store.StoreId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** One store's phone number, for reads that span stores. */
public record StoreNumber(StoreId store, String phoneNumberId) {

    /**
     * The stores of {@code numbers} and their numbers, each once, for a statement's {@code store_id in
     * (:stores) and phone_number_id in (:phones)}, whose rows the caller then matches by pair.
     */
    public static List<UUID> stores(Collection<StoreNumber> numbers) {
        return numbers.stream().map(number -> number.store().value()).distinct().toList();
    }

    /** See {@link #stores}. */
    public static List<String> phones(Collection<StoreNumber> numbers) {
        return numbers.stream().map(StoreNumber::phoneNumberId).distinct().toList();
    }

    /** The row's {@code store_id} and {@code phone_number_id}. */
    public static StoreNumber of(ResultSet row) throws SQLException {
        return new StoreNumber(new StoreId(row.getObject("store_id", UUID.class)), row.getString("phone_number_id"));
    }
}
