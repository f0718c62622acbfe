package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.meta.SealedSecret;
import br.com.whatsappoficial.meta.SecretPurpose;
import br.com.whatsappoficial.meta.SecretVault;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreScopedJdbc;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The current store's callback receiver: its URL and the secret callbacks are signed with, sealed at rest. */
@Component
class CallbackEndpoints {

    /**
     * What the page shows of the setting.
     *
     * @param secretHint the secret's last characters, null while none was generated
     */
    record Endpoint(
            @Nullable String url,
            @Nullable String secretHint,
            @Nullable Instant updatedAt) {

        static final Endpoint NONE = new Endpoint(null, null, null);
    }

    private final StoreScopedJdbc jdbc;
    private final SecretVault vault;
    private final Clock clock;

    CallbackEndpoints(StoreScopedJdbc jdbc, SecretVault vault, Clock clock) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.clock = clock;
    }

    Endpoint current() {
        return jdbc.sql("""
                        select url, secret_hint, updated_at from messaging_callback_settings
                        where store_id = :storeId""")
                .query((rs, n) -> new Endpoint(
                        rs.getString("url"),
                        rs.getString("secret_hint"),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
                .optional()
                .orElse(Endpoint.NONE);
    }

    Optional<String> url() {
        return Optional.ofNullable(current().url());
    }

    /** Sets (or, with null, removes) the store's URL; it was checked by the caller. */
    @Transactional
    void saveUrl(@Nullable CallbackUrl url) {
        ensureRow();
        jdbc.sql("update messaging_callback_settings set url = :url, updated_at = :now where store_id = :storeId")
                .param("url", url == null ? null : url.toString())
                .param("now", now())
                .update();
    }

    /** A new secret replaces the old at once; the answer is the only time it is seen in full. */
    @Transactional
    CallbackSecret rotateSecret() {
        CallbackSecret secret = CallbackSecret.generate();
        ensureRow();
        jdbc.sql("""
                        update messaging_callback_settings set sealed_secret = :ciphertext, secret_hint = :hint,
                            updated_at = :now where store_id = :storeId""")
                .param(
                        "ciphertext",
                        vault.seal(CurrentStore.require(), SecretPurpose.CALLBACK_SECRET, secret.value())
                                .ciphertext())
                .param("hint", secret.hint())
                .param("now", now())
                .update();
        return secret;
    }

    Optional<CallbackSecret> secret() {
        return jdbc.sql("select sealed_secret from messaging_callback_settings where store_id = :storeId"
                        + " and sealed_secret is not null")
                .query((rs, n) -> rs.getBytes(1))
                .optional()
                .map(ciphertext -> new CallbackSecret(vault.open(
                        CurrentStore.require(), SecretPurpose.CALLBACK_SECRET, new SealedSecret(ciphertext))));
    }

    private void ensureRow() {
        jdbc.sql("""
                        insert into messaging_callback_settings (store_id, updated_at) values (:storeId, :now)
                        on conflict do nothing""").param("now", now()).update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
