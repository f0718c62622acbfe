-- What the campaign engine sends through a store's number, and what became of each message.
-- customer is the customer as windows and the budget know them: the WhatsApp id's digits (a Brazilian
-- mobile always with its 9th digit) or 'user:' and Meta's business-scoped user id.
create table messaging_messages (
    message_id           uuid          primary key,
    store_id             uuid          not null references stores (store_id),
    phone_number_id      varchar(64)   not null,
    waba_id              varchar(64)   not null,
    portfolio            varchar(80)   not null,
    customer             varchar(200)  not null,
    recipient_input      varchar(200)  not null,
    recipient_to         varchar(32),
    recipient_user_id    varchar(200),
    wa_id                varchar(32),
    kind                 varchar(16)   not null,
    template_name        varchar(512),
    template_language    varchar(16),
    -- what to send, as the request gave it (JSON); Meta's call is built from it on each attempt
    content              varchar(20000) not null,
    metadata             varchar(2000),
    callback_url         varchar(2000),
    counts_against_limit boolean       not null,
    -- queued, sent, delivered, read, failed: what the engine reads; only moves forward
    status               varchar(16)   not null,
    -- our side of the call to Meta: queued, accepted, unknown (no answer in time), refused
    sending              varchar(16)   not null,
    meta_message_id      varchar(200),
    attempts             integer       not null,
    error_code           varchar(40),
    meta_error_code      integer,
    error_title          varchar(400),
    error_detail         varchar(2000),
    pricing_category     varchar(40),
    pricing_billable     boolean,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null
);

create unique index messaging_messages_meta_idx on messaging_messages (meta_message_id);
create index messaging_messages_customer_idx on messaging_messages (portfolio, customer, created_at);

-- Each status a message went through, as Meta named it (values Meta adds later included), at Meta's time.
create table messaging_timeline (
    message_id uuid        not null references messaging_messages (message_id),
    store_id   uuid        not null references stores (store_id),
    status     varchar(40) not null,
    at         timestamp with time zone not null,
    primary key (message_id, status)
);

-- Messages waiting for a worker to call Meta; a row leaves when Meta answered or the message failed.
-- in_flight: a worker is calling Meta (until due_at). A row found in flight after that worker's lease
-- ran out may have reached Meta, so it is never sent again: its outcome is unknown until a status says.
create table messaging_outbox (
    message_id uuid primary key references messaging_messages (message_id),
    store_id   uuid not null references stores (store_id),
    due_at     timestamp with time zone not null,
    in_flight  boolean not null default false
);

create index messaging_outbox_due_idx on messaging_outbox (due_at);

-- The engine's Idempotency-Key of each queued message: the same key and body within 24 h answers the
-- same message again, another body is a conflict.
create table messaging_idempotency (
    store_id        uuid         not null references stores (store_id),
    idempotency_key varchar(255) not null,
    request_hash    varchar(64)  not null,
    message_id      uuid         not null,
    created_at      timestamp with time zone not null,
    primary key (store_id, idempotency_key)
);

create index messaging_idempotency_created_idx on messaging_idempotency (created_at);

-- Each customer's last message to a number: the 24 h customer-service window.
create table messaging_windows (
    store_id        uuid         not null references stores (store_id),
    phone_number_id varchar(64)  not null,
    customer        varchar(200) not null,
    last_inbound_at timestamp with time zone not null,
    primary key (store_id, phone_number_id, customer)
);

-- A business-scoped user id and the WhatsApp id of the same customer, once a webhook carried both.
create table messaging_customer_links (
    store_id uuid         not null references stores (store_id),
    user_id  varchar(200) not null,
    customer varchar(200) not null,
    primary key (store_id, user_id)
);

-- The proactive budget of each Meta business portfolio: how many customers are counted now. Every
-- decision locks this one row, so the count is exact on any number of nodes.
create table messaging_budgets (
    portfolio varchar(80) primary key,
    used      integer     not null
);

-- The customers counted in a portfolio's rolling 24 h, until 24 h after their last proactive message.
-- held_by is the message whose send took the slot (given back if it fails before Meta accepts it).
create table messaging_budget_customers (
    portfolio     varchar(80)  not null,
    customer      varchar(200) not null,
    counted_until timestamp with time zone not null,
    held_by       uuid         not null,
    primary key (portfolio, customer)
);

create index messaging_budget_customers_expiry_idx on messaging_budget_customers (portfolio, counted_until);
