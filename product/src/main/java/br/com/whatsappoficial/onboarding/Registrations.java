package br.com.whatsappoficial.onboarding;

import br.com.whatsappoficial.meta.SealedSecret;
import br.com.whatsappoficial.meta.SecretPurpose;
import br.com.whatsappoficial.meta.SecretVault;
import br.com.whatsappoficial.meta.TwoStepPin;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreScopedJdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The current store's registration rows. */
@Component
class Registrations {

    private final StoreScopedJdbc jdbc;
    private final SecretVault vault;
    private final Clock clock;

    private static final String SELECT = """
            select phone_number_id, waba_id, state, attempts, next_attempt_at, last_error_code, last_error,
                   registered_at, coexistence
            from registrations""";

    Registrations(StoreScopedJdbc jdbc, SecretVault vault, Clock clock) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.clock = clock;
    }

    /** Starts (or restarts after a reconnection) a number's registration with a fresh random PIN. */
    void start(String phoneNumberId, String wabaId) {
        start(phoneNumberId, wabaId, false);
    }

    /**
     * Starts a number's way onto Cloud API: registered with a fresh random PIN, or, for a number that stays
     * on the WhatsApp Business app ({@code coexistence}), with the app's data asked for instead (its PIN is
     * the app's business, never used).
     */
    void start(String phoneNumberId, String wabaId, boolean coexistence) {
        if (find(phoneNumberId).isPresent()) {
            jdbc.sql("""
                            update registrations set state = :state, attempts = 0, next_attempt_at = :now, updated_at = :now,
                                   coexistence = :coexistence
                            where store_id = :storeId and phone_number_id = :id and state <> 'REGISTERED'""")
                    .param("state", RegistrationState.SUBSCRIBE_APP.name())
                    .param("coexistence", coexistence)
                    .param("now", at(clock.instant()))
                    .param("id", phoneNumberId)
                    .update();
            return;
        }
        SealedSecret pin = vault.seal(
                CurrentStore.require(),
                SecretPurpose.TWO_STEP_PIN,
                TwoStepPin.random().digits());
        jdbc.sql("""
                        insert into registrations (phone_number_id, store_id, waba_id, state, two_step_pin,
                                                   next_attempt_at, created_at, updated_at, coexistence)
                        values (:id, :storeId, :wabaId, :state, :pin, :now, :now, :now, :coexistence)""")
                .param("coexistence", coexistence)
                .param("id", phoneNumberId)
                .param("wabaId", wabaId)
                .param("state", RegistrationState.SUBSCRIBE_APP.name())
                .param("pin", pin.ciphertext())
                .param("now", at(clock.instant()))
                .update();
    }

    /**
     * A coexistence number that left Cloud API joined again from the app: its registration runs once more
     * (subscribe, then the app's data), whatever state it ended in.
     */
    void restartOnBusinessApp(String phoneNumberId) {
        jdbc.sql("""
                        update registrations set state = :state, coexistence = true, attempts = 0, next_attempt_at = :now,
                               last_error_code = null, last_error = null, updated_at = :now
                        where store_id = :storeId and phone_number_id = :id""")
                .param("state", RegistrationState.SUBSCRIBE_APP.name())
                .param("now", at(clock.instant()))
                .param("id", phoneNumberId)
                .update();
    }

    Optional<Registration> find(String phoneNumberId) {
        return jdbc.sql(SELECT + " where store_id = :storeId and phone_number_id = :id")
                .param("id", phoneNumberId)
                .query(Registrations::row)
                .optional();
    }

    /** Every registration of the WABA that waits for the merchant to reconnect, resumed now that they did. */
    void resumeAfterReconnection(String wabaId) {
        List<Registration> waiting = jdbc.sql(
                        SELECT + " where store_id = :storeId and waba_id = :wabaId and state = :state")
                .param("wabaId", wabaId)
                .param("state", RegistrationState.AWAIT_RECONNECTION.name())
                .query(Registrations::row)
                .list();
        for (Registration registration : waiting) {
            move(registration.reconnected(clock.instant()));
        }
    }

    TwoStepPin pin(String phoneNumberId) {
        byte[] sealed = jdbc.sql(
                        "select two_step_pin from registrations where store_id = :storeId and phone_number_id = :id")
                .param("id", phoneNumberId)
                .query((rs, n) -> rs.getBytes(1))
                .single();
        return new TwoStepPin(vault.open(CurrentStore.require(), SecretPurpose.TWO_STEP_PIN, new SealedSecret(sealed)));
    }

    /**
     * Records a request for the number's ownership code unless one was made less than {@code interval}
     * ago; the check and the record are one statement, so concurrent requests cannot both pass.
     *
     * @return empty when the request may go to Meta, else how long until the next one may
     */
    Optional<Duration> reserveCodeRequest(String phoneNumberId, Duration interval) {
        Instant now = clock.instant();
        int reserved = jdbc.sql("""
                        update registrations set code_requested_at = :now
                        where store_id = :storeId and phone_number_id = :id
                          and (code_requested_at is null or code_requested_at <= :earliest)""")
                .param("now", at(now))
                .param("earliest", at(now.minus(interval)))
                .param("id", phoneNumberId)
                .update();
        if (reserved == 1) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select code_requested_at from registrations
                        where store_id = :storeId and phone_number_id = :id""")
                .param("id", phoneNumberId)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
                .optional()
                .map(last -> {
                    Duration left = Duration.between(now, last.toInstant().plus(interval));
                    return left.isNegative() ? Duration.ZERO : left;
                });
    }

    /**
     * Stores a move of the state machine. A step whose row changed meanwhile (its lease ran out and another
     * node moved it) changes nothing: the answer is false.
     */
    boolean move(Registration.Move move) {
        String error = move.error();
        return jdbc.sql("""
                        update registrations set state = :state, attempts = :attempts, next_attempt_at = :next,
                               last_error_code = :code, last_error = :error, updated_at = :now,
                               registered_at = case when :state = 'REGISTERED' then :now else registered_at end
                        where store_id = :storeId and phone_number_id = :id and state = :from""")
                        .param("from", move.from().state().name())
                        .param("state", move.to().name())
                        .param("attempts", move.attempts())
                        .param("next", move.next() == null ? null : at(move.next()))
                        .param("code", move.errorCode())
                        .param("error", error == null ? null : error.length() > 300 ? error.substring(0, 300) : error)
                        .param("now", at(clock.instant()))
                        .param("id", move.from().phoneNumberId())
                        .update()
                == 1;
    }

    private static Registration row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime next = rs.getObject("next_attempt_at", OffsetDateTime.class);
        OffsetDateTime registered = rs.getObject("registered_at", OffsetDateTime.class);
        int code = rs.getInt("last_error_code");
        return new Registration(
                rs.getString("phone_number_id"),
                rs.getString("waba_id"),
                RegistrationState.valueOf(rs.getString("state")),
                rs.getInt("attempts"),
                next == null ? null : next.toInstant(),
                rs.wasNull() ? null : code,
                rs.getString("last_error"),
                registered == null ? null : registered.toInstant(),
                rs.getBoolean("coexistence"));
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
