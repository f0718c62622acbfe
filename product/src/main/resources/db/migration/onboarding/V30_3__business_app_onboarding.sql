-- Numbers that join from the WhatsApp Business app (coexistence) skip register: after the app's subscription
-- their registration asks Meta for the app's contacts and history instead.
alter table registrations add column coexistence boolean default false not null;

-- A coexistence number's sync of the app's contacts and chat history: each asked for once, within 24 h of
-- onboarding (Meta answers a request id, support's reference), then filled by webhooks.
create table app_data_syncs (
    phone_number_id       varchar(64)  primary key,
    store_id              uuid         not null references stores (store_id),
    onboarded_at          timestamp with time zone not null,
    contacts_request_id   varchar(64),
    contacts_requested_at timestamp with time zone,
    history_request_id    varchar(64),
    history_requested_at  timestamp with time zone,
    -- the highest progress Meta reported (chunks arrive out of order), 100 once the history is complete
    history_progress      integer      default 0 not null,
    history_completed_at  timestamp with time zone,
    -- Meta's 2593109: the merchant does not share the app's chats
    history_declined_at   timestamp with time zone
);

-- Each history chunk once, whatever the order and however often Meta delivers it.
create table app_history_chunks (
    phone_number_id varchar(64) not null,
    store_id        uuid        not null references stores (store_id),
    phase           integer     not null,
    chunk_order     integer     not null,
    progress        integer     not null,
    messages        integer     not null,
    received_at     timestamp with time zone not null,
    primary key (phone_number_id, phase, chunk_order)
);

-- The app's contacts by number (names stay in the app): how many the sync brought, kept as the merchant
-- adds and removes them.
create table app_contacts (
    phone_number_id varchar(64) not null,
    store_id        uuid        not null references stores (store_id),
    contact         varchar(32) not null,
    removed         boolean     not null,
    updated_at      timestamp with time zone not null,
    primary key (phone_number_id, contact)
);
