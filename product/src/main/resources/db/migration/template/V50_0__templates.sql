-- The message templates of each store's WABAs, as Meta holds them. Meta's template id is the key: a
-- template belongs to one WABA and so to one store. Each of status, category and quality keeps the time
-- of the news it came from, so that Meta's late or repeated webhooks never move it backwards.
create table templates (
    template_id       varchar(32)  primary key,
    store_id          uuid         not null references stores (store_id),
    waba_id           varchar(32)  not null,
    name              varchar(512) not null,
    language          varchar(16)  not null,
    category          varchar(20),
    previous_category varchar(20),
    category_at       timestamp with time zone not null,
    -- header, body, footer, buttons and examples as JSON (TemplateContent)
    content           text         not null,
    status            varchar(64)  not null,
    rejection_reason  varchar(64),
    status_detail     varchar(1000),
    status_at         timestamp with time zone not null,
    quality           varchar(20),
    quality_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    created_at        timestamp with time zone not null,
    unique (store_id, waba_id, name, language)
);

create index templates_store_idx on templates (store_id, name);

-- Each creation sent to Meta, to keep under Meta's 100 creations per WABA per rolling hour.
create table template_creations (
    store_id   uuid        not null references stores (store_id),
    waba_id    varchar(32) not null,
    created_at timestamp with time zone not null
);

create index template_creations_waba_idx on template_creations (waba_id, created_at);

-- When each WABA's templates are next read from Meta; a claimed row is leased by moving next_sync_at.
create table template_syncs (
    waba_id      varchar(32) primary key,
    store_id     uuid        not null references stores (store_id),
    next_sync_at timestamp with time zone not null,
    last_sync_at timestamp with time zone,
    last_outcome varchar(40)
);

create index template_syncs_due_idx on template_syncs (next_sync_at);
