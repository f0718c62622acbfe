-- The WhatsApp Business Accounts (WABAs) and numbers that stores connected. Meta's ids are the keys:
-- a WABA or number belongs to exactly one store, so Meta's events can never land in another store.
create table wabas (
    waba_id      varchar(32)  primary key,
    store_id     uuid         not null references stores (store_id),
    business_id  varchar(32),
    connected_at timestamp with time zone not null
);

create index wabas_store_idx on wabas (store_id);

create table phone_numbers (
    phone_number_id      varchar(32) primary key,
    store_id             uuid        not null references stores (store_id),
    waba_id              varchar(32) not null references wabas (waba_id),
    display_phone_number varchar(32),
    created_at           timestamp with time zone not null
);

create index phone_numbers_store_idx on phone_numbers (store_id);
create index phone_numbers_waba_idx on phone_numbers (waba_id);
