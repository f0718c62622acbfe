package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.store.StoreId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Meta's {@code security} field: PIN_CHANGED, PIN_RESET_REQUEST or PIN_REQUEST_SUCCESS on a number. */
public record SecurityEventReported(
        StoreId store,
        String wabaId,
        String displayPhoneNumber,
        String event,
        @Nullable String requester,
        @Nullable Instant at) {}
