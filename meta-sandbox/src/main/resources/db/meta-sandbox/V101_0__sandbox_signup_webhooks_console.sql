-- The Meta sandbox's Embedded Signup popup, its webhook sender and its console. Sandbox data only.

-- Meta's review and integrity state that the console moves along.
alter table sandbox_businesses add column messaging_limit varchar(16) default 'TIER_250' not null;
-- account_update DISABLED_UPDATE: SCHEDULE_FOR_DISABLE, DISABLE or REINSTATE; null when never touched
alter table sandbox_wabas add column ban_state varchar(24);

-- The simulated Facebook users (by e-mail) who administer each business portfolio.
create table sandbox_business_admins (
    email       varchar(200) not null,
    business_id varchar(20)  not null references sandbox_businesses (business_id),
    primary key (email, business_id)
);

-- One Embedded Signup popup run, kept in the database so that any node can serve its next screen.
create table sandbox_signup_sessions (
    session_id    varchar(32)  primary key,
    origin        varchar(200) not null,
    app_id        varchar(100) not null,
    extras        varchar(2000),
    email         varchar(200),
    current_step  varchar(40)  not null,
    business_id   varchar(20),
    waba_id       varchar(20),
    waba_created  boolean      default false not null,
    verified_name varchar(200),
    vertical      varchar(20),
    description   varchar(512),
    website       varchar(256),
    phone_id      varchar(20),
    code_method   varchar(5),
    outcome       varchar(10),
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null
);

-- Numbers the sandbox treats as "still on the WhatsApp app" (besides those ending in 0000), set in the console.
create table sandbox_numbers_on_app (
    e164     varchar(20) primary key,
    added_at timestamp with time zone not null
);

-- The webhook outbox: each row is one POST to plan, with everything needed to send it from any node.
create table sandbox_webhook_deliveries (
    delivery_id     uuid          primary key,
    field           varchar(40)   not null,
    entry_id        varchar(20)   not null,
    target_url      varchar(400)  not null,
    payload         text          not null,
    duplicate_of    uuid,
    status          varchar(10)   not null,
    attempts        integer       not null,
    retry_first_ms  bigint        not null,
    retry_max_ms    bigint        not null,
    give_up_at      timestamp with time zone not null,
    next_attempt_at timestamp with time zone not null,
    lease_until     timestamp with time zone,
    last_status     integer,
    last_error      varchar(400),
    created_at      timestamp with time zone not null,
    delivered_at    timestamp with time zone
);

create index sandbox_webhook_deliveries_due_idx on sandbox_webhook_deliveries (status, next_attempt_at);
create index sandbox_webhook_deliveries_created_idx on sandbox_webhook_deliveries (created_at);

-- What the simulated customers wrote to each business number (the customer phone's conversation).
create table sandbox_inbound_messages (
    message_id    varchar(200) primary key,
    phone_id      varchar(20)  not null references sandbox_phones (phone_id),
    wa_id         varchar(20)  not null,
    customer_name varchar(100) not null,
    body          varchar(4096) not null,
    created_at    timestamp with time zone not null
);

create index sandbox_inbound_messages_phone_idx on sandbox_inbound_messages (phone_id, wa_id, created_at);
