package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.meta.BusinessToken;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The business tokens the outbox worker sends with, as this node read them within {@link #KEPT}. Read and
 * decrypted for every send, a token cost a statement and a decryption per message of a campaign. Going by
 * a token for a few seconds after it changed costs at worst one refusal: a token Meta revoked meanwhile is
 * refused (190) and then forgotten, and one the merchant replaced by connecting again is not revoked for it
 * (see {@link #refused}).
 */
@Component
class SendingTokens {

    static final Duration KEPT = Duration.ofSeconds(5);

    private record Waba(StoreId store, String wabaId) {}

    private record Kept(BusinessToken token, Instant readAt) {}

    private final ConnectedAccounts accounts;
    private final Clock clock;
    private final ConcurrentHashMap<Waba, Kept> kept = new ConcurrentHashMap<>();

    SendingTokens(ConnectedAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The current store's WABA's token; empty once revoked (that is read anew every time: it may come back). */
    Optional<BusinessToken> of(String wabaId) {
        Waba waba = new Waba(CurrentStore.require(), wabaId);
        Instant now = clock.instant();
        Kept known = kept.get(waba);
        if (known != null && now.isBefore(known.readAt().plus(KEPT))) {
            return Optional.of(known.token());
        }
        Optional<BusinessToken> read = accounts.businessToken(wabaId);
        read.ifPresentOrElse(token -> kept.put(waba, new Kept(token, now)), () -> kept.remove(waba));
        return read;
    }

    /**
     * Meta refused {@code token} (the 190 family): it is forgotten and revoked, unless the WABA holds another
     * token by now (the merchant connected again), which the next send uses. Whether it was the WABA's token.
     */
    boolean refused(String wabaId, BusinessToken token) {
        kept.remove(new Waba(CurrentStore.require(), wabaId));
        return accounts.tokenRevoked(wabaId, token);
    }
}
