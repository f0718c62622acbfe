-- Stores (tenants) and their users. Every store-owned table carries store_id, the stores table included,
-- so that one rule (store_id = :storeId) scopes every store-owned query.
create table stores (
    store_id   uuid         primary key,
    name       varchar(120) not null,
    created_at timestamp with time zone not null
);

create table store_users (
    user_id       uuid         primary key,
    store_id      uuid         not null references stores (store_id),
    email         varchar(254) not null,
    display_name  varchar(120) not null,
    password_hash varchar(255) not null,
    role          varchar(16)  not null,
    created_at    timestamp with time zone not null,
    last_login_at timestamp with time zone,
    -- e-mails are stored lower-cased by the application; one login belongs to one store
    constraint store_users_email_uk unique (email),
    constraint store_users_role_ck check (role in ('ADMIN', 'MEMBER'))
);

create index store_users_store_idx on store_users (store_id);
