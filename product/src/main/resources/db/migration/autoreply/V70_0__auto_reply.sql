-- A store's automatic reply, as its merchant set it (one row per store, absent until first saved).
create table autoreply_settings (
    store_id          uuid        primary key references stores (store_id),
    enabled           boolean     not null,
    body              text        not null,
    button_label      text        not null,
    link              text        not null,
    mode              text        not null,
    -- {"MONDAY":{"opens":"09:00","closes":"18:00"}, ...}; a missing day is closed
    week              jsonb       not null,
    holidays          date[]      not null default '{}',
    cool_down_minutes integer     not null,
    updated_at        timestamptz not null,
    updated_by        text
);

-- Every customer message decided on, answered or not, and why. The key is Meta's message id: a webhook
-- delivered twice, or to two nodes at once, is decided (and answered) once.
create table autoreply_decisions (
    store_id           uuid        not null references stores (store_id),
    inbound_message_id text        not null,
    phone_number_id    text        not null,
    customer           text        not null,
    message_type       text        not null,
    message_excerpt    text,
    sent_at            timestamptz not null,
    decided_at         timestamptz not null,
    reason             text        not null,
    answered           boolean     not null,
    quick_answer       boolean     not null,
    reply_message_id   uuid,
    reply_url          text,
    primary key (store_id, inbound_message_id)
);

create index autoreply_decisions_by_customer on autoreply_decisions (store_id, customer, sent_at desc);
create index autoreply_decisions_by_time on autoreply_decisions (store_id, decided_at desc);
