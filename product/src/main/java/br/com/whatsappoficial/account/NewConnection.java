package br.com.whatsappoficial.account;

import br.com.whatsappoficial.meta.BusinessPhoneNumber;
import br.com.whatsappoficial.meta.BusinessToken;
import br.com.whatsappoficial.meta.WhatsAppBusinessAccount;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What Embedded Signup and the first Graph reads gave: the WABA, its new number and the business token. */
public record NewConnection(
        @Nullable String businessId,
        WhatsAppBusinessAccount waba,
        BusinessPhoneNumber number,
        BusinessToken token,
        @Nullable Instant tokenExpiresAt) {}
