-- A number Meta refused for spam (131048) or a policy block (368): the product sends nothing from it until
-- the merchant resumes it or until_at passes; its queued messages wait in the outbox meanwhile.
create table sending_pauses (
    phone_number_id varchar(64) primary key,
    store_id        uuid        not null references stores (store_id),
    meta_code       integer     not null,
    paused_at       timestamp with time zone not null,
    until_at        timestamp with time zone not null
);
