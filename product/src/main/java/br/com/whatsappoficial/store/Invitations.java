package br.com.whatsappoficial.store;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A store admin invites a person to the team; the person sets their own password through the invitation's
 * one-time link, valid for {@link #VALID_FOR}. There is no e-mail sending: the admin passes the link on.
 */
@Component
@CrossStore("an invitation link is opened before any store is known: its token finds the store")
public class Invitations {

    static final Duration VALID_FOR = Duration.ofDays(7);
    static final int MIN_PASSWORD = 10;
    // bcrypt reads 72 bytes; a longer password would be silently cut
    static final int MAX_PASSWORD = 64;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private final JdbcClient jdbc;
    private final StoreDirectory directory;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Invitations(JdbcClient jdbc, StoreDirectory directory, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** Invites {@code email} to the admin's own store; refused for an e-mail any store already uses. */
    @Transactional
    public CreatedInvitation invite(StoreUserPrincipal admin, String email, StoreRole role) {
        if (admin.role() != StoreRole.ADMIN) {
            throw new InvitationRefused("team.invite.admins-only");
        }
        String normalised = email.strip().toLowerCase(Locale.ROOT);
        if (normalised.length() > 254 || !EMAIL.matcher(normalised).matches()) {
            throw new InvitationRefused("team.invite.invalid-email");
        }
        if (directory.emailInUse(normalised)) {
            throw new InvitationRefused("team.invite.email-in-use");
        }
        InvitationToken token = InvitationToken.generate(random);
        Instant now = clock.instant();
        Instant expires = now.plus(VALID_FOR);
        jdbc.sql("""
                        insert into store_invitations
                            (invitation_id, store_id, email, role, token_hash, invited_by, created_at, expires_at)
                        values (:id, :store, :email, :role, :hash, :by, :now, :expires)""")
                .param("id", UUID.randomUUID())
                .param("store", admin.storeId().value())
                .param("email", normalised)
                .param("role", role.name())
                .param("hash", token.hash())
                .param("by", admin.userId())
                .param("now", utc(now))
                .param("expires", utc(expires))
                .update();
        return new CreatedInvitation(normalised, role, token, expires);
    }

    /** The invitation this token opens, if it is neither used nor expired. */
    public Optional<PendingInvitation> pending(InvitationToken token) {
        return jdbc.sql("""
                        select i.email, i.role, s.name, i.expires_at
                        from store_invitations i join stores s on s.store_id = i.store_id
                        where i.token_hash = :hash and i.accepted_at is null and i.expires_at > :now""")
                .param("hash", token.hash())
                .param("now", utc(clock.instant()))
                .query((rs, n) -> new PendingInvitation(
                        rs.getString("email"),
                        StoreRole.valueOf(rs.getString("role")),
                        rs.getString("name"),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** Makes the invited person a user of the store with this password; the link opens nothing afterwards. */
    @Transactional
    public void accept(InvitationToken token, String displayName, String rawPassword) {
        String name = displayName.strip();
        if (name.isEmpty() || name.length() > 120) {
            throw new InvitationRefused("invitation.invalid-name");
        }
        if (rawPassword.length() < MIN_PASSWORD || rawPassword.length() > MAX_PASSWORD) {
            throw new InvitationRefused("invitation.invalid-password");
        }
        OffsetDateTime now = utc(clock.instant());
        Invited person = jdbc.sql("""
                        select store_id, email, role from store_invitations
                        where token_hash = :hash and accepted_at is null and expires_at > :now""")
                .param("now", now)
                .param("hash", token.hash())
                .query((rs, n) ->
                        new Invited(rs.getObject("store_id", UUID.class), rs.getString("email"), rs.getString("role")))
                .optional()
                .orElseThrow(() -> new InvitationRefused("invitation.unknown"));
        // The condition again: of two tabs accepting at once, only one updates the row.
        int used = jdbc.sql(
                        "update store_invitations set accepted_at = :now where token_hash = :hash and accepted_at is null")
                .param("now", now)
                .param("hash", token.hash())
                .update();
        if (used != 1) {
            throw new InvitationRefused("invitation.unknown");
        }
        if (directory.emailInUse(person.email())) {
            throw new InvitationRefused("team.invite.email-in-use");
        }
        jdbc.sql("""
                        insert into store_users (user_id, store_id, email, display_name, password_hash, role, created_at)
                        values (:userId, :storeId, :email, :name, :hash, :role, :now)""")
                .param("userId", UUID.randomUUID())
                .param("storeId", person.storeId())
                .param("email", person.email())
                .param("name", name)
                .param("hash", passwords.encode(rawPassword))
                .param("role", person.role())
                .param("now", now)
                .update();
    }

    private record Invited(UUID storeId, String email, String role) {}

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
