-- The latest delivery status of each message a store sent, so that Meta's late or repeated status
-- webhooks never move a message backwards (read -> sent) or announce the same change twice.
-- status_rank is MessageStatus's order: sent 0, delivered 1, read 2, played 3, failed 4.
create table webhook_message_statuses (
    store_id     uuid         not null references stores (store_id),
    message_id   varchar(200) not null,
    status       varchar(16)  not null,
    status_rank  integer      not null,
    status_at    timestamp with time zone not null,
    primary key (store_id, message_id)
);
