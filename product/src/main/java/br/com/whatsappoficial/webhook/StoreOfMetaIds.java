package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.store.StoreId;
import java.util.Optional;

/**
 * Which store owns a WABA or phone number of Meta's. Implemented by the module that records connected
 * accounts, so that webhook ingest does not depend on it (that module listens to our events).
 */
public interface StoreOfMetaIds {

    Optional<StoreId> storeOfWaba(String wabaId);

    Optional<StoreId> storeOfPhoneNumber(String phoneNumberId);
}
