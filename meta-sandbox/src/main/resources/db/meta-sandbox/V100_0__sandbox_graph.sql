-- The Meta sandbox's own state: what Meta would hold about the businesses, WABAs and numbers that
-- merchants connect while the product runs in sandbox mode. Never the product's tables, never store data.
-- Ids are decimal strings like Meta's; times are UTC.

create table sandbox_businesses (
    business_id         varchar(20)  primary key,
    name                varchar(200) not null,
    -- the business integration system user that Embedded Signup's token belongs to
    system_user_id      varchar(20)  not null,
    verification_status varchar(16)  not null,
    created_at          timestamp with time zone not null
);

create table sandbox_wabas (
    waba_id                 varchar(20)  primary key,
    business_id             varchar(20)  not null references sandbox_businesses (business_id),
    name                    varchar(200) not null,
    currency                varchar(3)   not null,
    timezone_id             varchar(8)   not null,
    template_namespace      varchar(64)  not null,
    account_review_status   varchar(16)  not null,
    country                 varchar(2)   not null,
    ownership_type          varchar(20)  not null,
    app_subscribed          boolean      not null,
    override_callback_uri   varchar(200),
    override_verify_token   varchar(200),
    created_at              timestamp with time zone not null
);

create index sandbox_wabas_business_idx on sandbox_wabas (business_id);

create table sandbox_phones (
    phone_id                 varchar(20)  primary key,
    waba_id                  varchar(20)  not null references sandbox_wabas (waba_id),
    e164                     varchar(20)  not null,
    display_phone_number     varchar(32)  not null,
    verified_name            varchar(200) not null,
    code_verification_status varchar(16)  not null,
    name_status              varchar(32)  not null,
    name_rejection_reason    varchar(40),
    certificate              varchar(400),
    status                   varchar(16)  not null,
    quality_rating           varchar(8)   not null,
    throughput_level         varchar(16)  not null,
    account_mode             varchar(8)   not null,
    platform_type            varchar(16)  not null,
    is_on_biz_app            boolean      not null,
    -- a simulation: Meta keeps the two-step PIN, so the sandbox keeps it too (sandbox data only)
    two_step_pin             varchar(6),
    data_localization_region varchar(2),
    webhook_override_uri     varchar(200),
    webhook_verify_token     varchar(200),
    last_onboarded_at        timestamp with time zone,
    created_at               timestamp with time zone not null
);

create index sandbox_phones_waba_idx on sandbox_phones (waba_id);

-- One-time authorization codes that Embedded Signup hands to the browser (30 s, single use).
create table sandbox_auth_codes (
    code        varchar(200) primary key,
    business_id varchar(20)  not null references sandbox_businesses (business_id),
    issued_at   timestamp with time zone not null,
    used_at     timestamp with time zone
);

-- Business integration system user access tokens.
create table sandbox_tokens (
    token       varchar(255) primary key,
    business_id varchar(20)  not null references sandbox_businesses (business_id),
    issued_at   timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    revoked_at  timestamp with time zone
);

create index sandbox_tokens_business_idx on sandbox_tokens (business_id);

-- Every request_code: the OTP the simulated phone shows, and the attempts to verify it.
create table sandbox_code_requests (
    request_id      uuid        primary key,
    phone_id        varchar(20) not null references sandbox_phones (phone_id),
    code            varchar(6)  not null,
    code_method     varchar(5)  not null,
    language        varchar(10) not null,
    requested_at    timestamp with time zone not null,
    failed_attempts integer     not null,
    verified_at     timestamp with time zone
);

create index sandbox_code_requests_phone_idx on sandbox_code_requests (phone_id, requested_at);

-- register and deregister requests, counted for Meta's 10 per number per 72 h.
create table sandbox_registration_requests (
    request_id   uuid        primary key,
    phone_id     varchar(20) not null references sandbox_phones (phone_id),
    kind         varchar(10) not null,
    requested_at timestamp with time zone not null
);

create index sandbox_registration_requests_phone_idx on sandbox_registration_requests (phone_id, requested_at);

create table sandbox_business_profiles (
    phone_id               varchar(20)  primary key references sandbox_phones (phone_id),
    about                  varchar(139),
    address                varchar(256),
    description            varchar(512),
    email                  varchar(128),
    -- at most two, one per line
    websites               varchar(520),
    vertical               varchar(20),
    profile_picture_handle varchar(200),
    updated_at             timestamp with time zone not null
);

-- Resumable Upload API sessions; the bytes are kept for the console (profile pictures).
create table sandbox_uploads (
    upload_id   varchar(100) primary key,
    app_id      varchar(100) not null,
    file_name   varchar(255) not null,
    file_length bigint       not null,
    file_type   varchar(40)  not null,
    file_offset bigint       not null,
    content     bytea,
    handle      varchar(200),
    created_at  timestamp with time zone not null
);

create unique index sandbox_uploads_handle_uk on sandbox_uploads (handle);

-- What our product sent, for the simulated customer phone and the status webhooks to come.
create table sandbox_messages (
    message_id               varchar(200) primary key,
    phone_id                 varchar(20)  not null references sandbox_phones (phone_id),
    recipient_input          varchar(40)  not null,
    wa_id                    varchar(20)  not null,
    message_type             varchar(20)  not null,
    payload                  text         not null,
    biz_opaque_callback_data varchar(512),
    created_at               timestamp with time zone not null
);

create index sandbox_messages_phone_idx on sandbox_messages (phone_id, created_at);

-- The last message each customer sent to each number: it opens the 24 h customer service window.
create table sandbox_customer_windows (
    phone_id        varchar(20) not null references sandbox_phones (phone_id),
    wa_id           varchar(20) not null,
    last_inbound_at timestamp with time zone not null,
    primary key (phone_id, wa_id)
);

-- Fault switches per Graph operation, in the database so that every node answers alike.
create table sandbox_faults (
    operation        varchar(40) primary key,
    latency_ms       bigint      not null,
    http_status      integer,
    graph_error_code integer,
    hang             boolean     not null,
    updated_at       timestamp with time zone not null
);
