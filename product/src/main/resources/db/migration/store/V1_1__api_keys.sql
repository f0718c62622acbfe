-- The campaign engine's API keys. Only the SHA-256 of each key is kept: the secret is shown once, at
-- creation. key_id is the key's public part, the one lookup an API request makes.
create table api_keys (
    key_id          varchar(12)  primary key,
    store_id        uuid         not null references stores (store_id),
    name            varchar(60)  not null,
    mode            varchar(4)   not null,
    secret_hash     bytea        not null,
    created_at      timestamp with time zone not null,
    -- the admin's name as it was then: the list must still say who, whatever happens to the user
    created_by      uuid         references store_users (user_id),
    created_by_name varchar(120) not null,
    last_used_at    timestamp with time zone,
    revoked_at      timestamp with time zone,
    revoked_by_name varchar(120),
    constraint api_keys_mode_ck check (mode in ('TEST', 'LIVE'))
);

create index api_keys_store_idx on api_keys (store_id, created_at);
