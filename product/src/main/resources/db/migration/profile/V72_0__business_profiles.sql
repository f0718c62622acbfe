-- Each store's WhatsApp business profile as the merchant wants it: the picture (already the 640×640 JPEG
-- sent to Meta; the logo itself is not kept) and the text fields, within Meta's limits.
create table business_profiles (
    store_id        uuid         not null primary key references stores (store_id),
    about           varchar(139),
    description     varchar(512),
    address         varchar(256),
    email           varchar(128),
    website_1       varchar(256),
    website_2       varchar(256),
    vertical        varchar(32),
    picture         bytea,
    -- sha-256 of picture, hex: what a number was last sent is compared by it
    picture_digest  varchar(64),
    updated_at      timestamp with time zone not null
);

-- What each number was last given, so that a changed logo or a profile edited elsewhere (WhatsApp Manager)
-- is sent again, and an unchanged one is not uploaded on every check.
create table business_profile_syncs (
    store_id         uuid         not null references stores (store_id),
    phone_number_id  varchar(64)  not null,
    picture_digest   varchar(64),
    synced_at        timestamp with time zone,
    failed_at        timestamp with time zone,
    failure          varchar(300),
    primary key (store_id, phone_number_id)
);
