package br.com.whatsappoficial.store;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The users of the current store. */
@Component
public class StoreTeam {

    private static final String COLUMNS = "select user_id, display_name, email, role, last_login_at from store_users ";

    private static final RowMapper<TeamMember> MEMBER = (rs, n) -> {
        OffsetDateTime lastLogin = rs.getObject("last_login_at", OffsetDateTime.class);
        return new TeamMember(
                rs.getObject("user_id", UUID.class),
                rs.getString("display_name"),
                rs.getString("email"),
                StoreRole.valueOf(rs.getString("role")),
                lastLogin == null ? null : lastLogin.toInstant());
    };

    private final StoreScopedJdbc jdbc;

    StoreTeam(StoreScopedJdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<TeamMember> members() {
        return jdbc.sql(COLUMNS + "where store_id = :storeId order by display_name")
                .query(MEMBER)
                .list();
    }

    public Optional<TeamMember> member(UUID userId) {
        return jdbc.sql(COLUMNS + "where store_id = :storeId and user_id = :userId")
                .param("userId", userId)
                .query(MEMBER)
                .optional();
    }
}
