-- The WhatsApp Business Accounts (WABAs) and numbers that stores connected. Meta's ids are the keys:
-- a WABA or number belongs to exactly one store, so Meta's events can never land in another store.
create table wabas (
    waba_id               varchar(32)  primary key,
    store_id              uuid         not null references stores (store_id),
    business_id           varchar(32),
    name                  varchar(200),
    account_review_status varchar(20),
    ban_state             varchar(30),
    -- the business token, sealed by SecretVault with the store id as associated data: never plaintext
    business_token        bytea        not null,
    token_expires_at      timestamp with time zone,
    token_revoked_at      timestamp with time zone,
    subscribed_at         timestamp with time zone,
    -- F6: numbers a WABA may hold (Meta's business_capability_update may lower it)
    max_numbers           integer      not null default 3,
    connected_at          timestamp with time zone not null
);

create index wabas_store_idx on wabas (store_id);

create table phone_numbers (
    phone_number_id          varchar(32)  primary key,
    store_id                 uuid         not null references stores (store_id),
    waba_id                  varchar(32)  not null references wabas (waba_id),
    e164                     varchar(16)  not null,
    verified_name            varchar(200),
    code_verification_status varchar(20),
    status                   varchar(20),
    name_status              varchar(30),
    name_rejection_reason    varchar(40),
    -- when Meta decided on the display name (webhook time): an older, late event never overrides it
    name_decided_at          timestamp with time zone,
    quality_rating           varchar(10),
    messaging_limit          varchar(20),
    health_status            varchar(10),
    health_problem           varchar(500),
    -- true for the number campaigns use (F6: one active at first)
    active                   boolean      not null default false,
    created_at               timestamp with time zone not null,
    last_synced_at           timestamp with time zone,
    -- reconciliation: when Meta's fields are read again (sooner while the number is not Ativa)
    next_sync_at             timestamp with time zone
);

create index phone_numbers_store_idx on phone_numbers (store_id);
create index phone_numbers_waba_idx on phone_numbers (waba_id);
create index phone_numbers_sync_idx on phone_numbers (next_sync_at);

-- B11: what happened to each account, in order; the merchant's timeline and support's audit trail.
create table account_timeline (
    entry_id        uuid        primary key,
    -- entries of the same instant keep the order they happened in
    seq             bigint      generated always as identity,
    store_id        uuid        not null references stores (store_id),
    waba_id         varchar(32) not null,
    phone_number_id varchar(32),
    kind            varchar(40) not null,
    detail          varchar(500),
    occurred_at     timestamp with time zone not null
);

create index account_timeline_store_idx on account_timeline (store_id, waba_id, occurred_at);
