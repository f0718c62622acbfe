-- What the merchant sent from the WhatsApp Business app on a coexistence number (Meta's smb_message_echoes,
-- and the business's messages in the app's synced history): a person answered the customer. Keyed by
-- Meta's message id, so a redelivered echo is kept once.
create table messaging_app_echoes (
    store_id        uuid          not null references stores (store_id),
    meta_message_id varchar(200)  not null,
    phone_number_id varchar(64)   not null,
    customer        varchar(200)  not null,
    message_type    varchar(32)   not null,
    excerpt         varchar(200),
    sent_at         timestamp with time zone not null,
    primary key (store_id, meta_message_id)
);

create index messaging_app_echoes_customer_idx on messaging_app_echoes (store_id, phone_number_id, customer, sent_at);
create index messaging_app_echoes_recent_idx on messaging_app_echoes (store_id, sent_at);
