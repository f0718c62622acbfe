-- Testar a conta: each run of the merchant's test of their number, with its verdict, and its steps.
-- verdict RUNNING, PASSED, FAILED or TIMED_OUT; message_id is the messaging module's id of the template
-- sent (Meta echoes it in each status), code the one the customer's message must carry back.
create table account_test_runs (
    run_id            uuid          primary key,
    store_id          uuid          not null references stores (store_id),
    phone_number_id   varchar(64)   not null,
    merchant_phone    varchar(20)   not null,
    code              varchar(16)   not null,
    started_at        timestamp with time zone not null,
    deadline          timestamp with time zone not null,
    message_id        varchar(64),
    template_name     varchar(512),
    sent_at           timestamp with time zone,
    verdict           varchar(16)   not null,
    finished_at       timestamp with time zone
);

create index account_test_runs_history on account_test_runs (store_id, started_at desc);
create index account_test_runs_message on account_test_runs (store_id, message_id);
create index account_test_runs_running on account_test_runs (verdict, deadline);

-- elapsed_ms: from our send to a status reaching us, or from the run's start to the customer's message.
-- arguments: the reason's message arguments, one per line.
create table account_test_steps (
    run_id            uuid          not null references account_test_runs (run_id) on delete cascade,
    store_id          uuid          not null references stores (store_id),
    step              varchar(16)   not null,
    state             varchar(16)   not null,
    reason            varchar(100),
    arguments         varchar(2000),
    happened_at       timestamp with time zone,
    elapsed_ms        bigint,
    primary key (run_id, step)
);
