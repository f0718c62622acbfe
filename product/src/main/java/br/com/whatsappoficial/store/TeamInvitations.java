package br.com.whatsappoficial.store;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current store's open invitations: listed for its admins, and revoked by them, after which the link
 * opens nothing. Used and expired ones are not shown; they open nothing already.
 */
@Component
public class TeamInvitations {

    private final StoreScopedJdbc jdbc;
    private final Clock clock;

    TeamInvitations(StoreScopedJdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The open invitations, newest first. */
    public List<TeamInvitation> open() {
        return jdbc.sql("""
                        select invitation_id, email, role, created_at, expires_at from store_invitations
                        where store_id = :storeId and accepted_at is null and expires_at > :now
                        order by created_at desc""")
                .param("now", now())
                .query((rs, n) -> new TeamInvitation(
                        new InvitationId(rs.getObject("invitation_id", UUID.class)),
                        rs.getString("email"),
                        StoreRole.valueOf(rs.getString("role")),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * Revokes an open invitation of the current store; the e-mail it was for, or empty when there is no
     * such invitation (used, expired, already revoked, or another store's).
     */
    @Transactional
    public Optional<String> revoke(InvitationId id) {
        Optional<String> email =
                jdbc.sql("""
                        select email from store_invitations
                        where store_id = :storeId and invitation_id = :id and accepted_at is null""").param("id", id.value()).query(String.class).optional();
        // Deleted rather than marked: nothing reads a revoked invitation, and its token hash goes with it.
        int revoked = jdbc.sql("""
                        delete from store_invitations
                        where store_id = :storeId and invitation_id = :id and accepted_at is null""").param("id", id.value()).update();
        return revoked == 1 ? email : Optional.empty();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    }
}
