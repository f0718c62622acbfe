-- A store admin's invitation of a person to the store's team. Only the SHA-256 of the one-time token is
-- kept (the link is shown once, to the admin); a used or expired invitation opens nothing.
create table store_invitations (
    invitation_id uuid         primary key,
    store_id      uuid         not null references stores (store_id),
    email         varchar(254) not null,
    role          varchar(16)  not null,
    token_hash    bytea        not null,
    invited_by    uuid         references store_users (user_id),
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone not null,
    accepted_at   timestamp with time zone,
    constraint store_invitations_token_uk unique (token_hash),
    constraint store_invitations_role_ck check (role in ('ADMIN', 'MEMBER'))
);

create index store_invitations_store_idx on store_invitations (store_id, created_at);
