package br.com.whatsappoficial.store;

import java.io.Serial;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A logged-in merchant user; carries the store every request of theirs is scoped to. It is stored,
 * serialized, in the session that every node shares.
 */
public final class StoreUserPrincipal implements UserDetails, CredentialsContainer {

    /**
     * Fixed, so that a node of the next release still reads the sessions an older node wrote during a
     * rolling deploy; change it only when a field changes incompatibly (those users then log in again).
     */
    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID userId;
    private final StoreId storeId;
    private final String storeName;
    private final String email;
    private final String displayName;
    private final StoreRole role;
    private final @Nullable Instant previousLoginAt;
    private @Nullable String passwordHash;

    StoreUserPrincipal(
            UUID userId,
            StoreId storeId,
            String storeName,
            String email,
            String displayName,
            StoreRole role,
            @Nullable Instant previousLoginAt,
            String passwordHash) {
        this.userId = userId;
        this.storeId = storeId;
        this.storeName = storeName;
        this.email = email;
        this.displayName = displayName;
        this.role = role;
        this.previousLoginAt = previousLoginAt;
        this.passwordHash = passwordHash;
    }

    public UUID userId() {
        return userId;
    }

    public StoreId storeId() {
        return storeId;
    }

    public String storeName() {
        return storeName;
    }

    public String displayName() {
        return displayName;
    }

    public StoreRole role() {
        return role;
    }

    /** When this user logged in before the current session, if ever. */
    public @Nullable Instant previousLoginAt() {
        return previousLoginAt;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "StoreUserPrincipal[" + email + " @ " + storeId + "]";
    }
}
