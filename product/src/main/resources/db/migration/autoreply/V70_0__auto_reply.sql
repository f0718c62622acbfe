-- A store's automatic reply, as its merchant set it (one row per store, absent until first saved).
-- Portable SQL: the embedded default runs it on H2 in PostgreSQL mode.
create table autoreply_settings (
    store_id          uuid          primary key references stores (store_id),
    enabled           boolean       not null,
    body              varchar(1024) not null,
    button_label      varchar(20)   not null,
    link              varchar(2000) not null,
    mode              varchar(32)   not null,
    -- one "DAY=HH:MM-HH:MM" per open weekday, separated by commas (MONDAY=09:00-18:00,...)
    week              varchar(400)  not null,
    -- ISO dates separated by commas
    holidays          varchar(4000) not null,
    cool_down_minutes integer       not null,
    updated_at        timestamp with time zone not null,
    updated_by        varchar(200)
);

-- One row per customer who wrote, locked while one of their messages is decided: two messages of one
-- customer on two nodes are decided one after the other, each seeing the other's reply.
create table autoreply_customers (
    store_id uuid         not null references stores (store_id),
    customer varchar(200) not null,
    primary key (store_id, customer)
);

-- Every customer message decided on, answered or not, and why. The key is Meta's message id: a webhook
-- delivered twice, or to two nodes at once, is decided (and answered) once.
create table autoreply_decisions (
    store_id           uuid          not null references stores (store_id),
    inbound_message_id varchar(200)  not null,
    phone_number_id    varchar(64)   not null,
    customer           varchar(200)  not null,
    message_type       varchar(32)   not null,
    message_excerpt    varchar(200),
    sent_at            timestamp with time zone not null,
    decided_at         timestamp with time zone not null,
    reason             varchar(32)   not null,
    answered           boolean       not null,
    quick_answer       boolean       not null,
    reply_message_id   uuid,
    reply_url          varchar(2200),
    primary key (store_id, inbound_message_id)
);

create index autoreply_decisions_by_customer on autoreply_decisions (store_id, customer, sent_at);
create index autoreply_decisions_by_time on autoreply_decisions (store_id, decided_at);
