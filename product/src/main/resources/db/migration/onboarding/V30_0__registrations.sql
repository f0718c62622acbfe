-- B3: registering a number with the Cloud API as a durable state machine. One row per number; a worker
-- claims due rows (next_attempt_at) on any node, so a restart at any step resumes where it was.
create table registrations (
    phone_number_id varchar(32)  primary key,
    store_id        uuid         not null references stores (store_id),
    waba_id         varchar(32)  not null,
    state           varchar(30)  not null,
    -- the 6-digit two-step PIN, sealed by SecretVault (store id as associated data): never plaintext
    two_step_pin    bytea        not null,
    attempts        integer      not null default 0,
    next_attempt_at timestamp with time zone,
    last_error_code integer,
    last_error      varchar(300),
    registered_at   timestamp with time zone,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null
);

create index registrations_due_idx on registrations (next_attempt_at);
