-- A WABA's message templates (contract §10). While Meta's automatic review runs, status is PENDING and
-- review_* hold the decision the sandbox already took, which becomes the status at review_due_at.
create table sandbox_templates (
    template_id      varchar(20)  primary key,
    waba_id          varchar(20)  not null references sandbox_wabas (waba_id),
    name             varchar(512) not null,
    language         varchar(16)  not null,
    category         varchar(16)  not null,
    parameter_format varchar(16),
    components       text         not null,
    status           varchar(20)  not null,
    rejected_reason  varchar(40)  not null,
    quality_score    varchar(8)   not null,
    review_status    varchar(20),
    review_reason    varchar(40),
    review_category  varchar(16),
    review_due_at    timestamp with time zone,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    constraint sandbox_templates_name_language unique (waba_id, name, language)
);

create index sandbox_templates_due_idx on sandbox_templates (review_due_at);

-- Every creation, kept after a deletion: Meta's cap of 100 creations per WABA per hour counts them all.
create table sandbox_template_creations (
    waba_id    varchar(20) not null references sandbox_wabas (waba_id),
    created_at timestamp with time zone not null
);

create index sandbox_template_creations_idx on sandbox_template_creations (waba_id, created_at);
