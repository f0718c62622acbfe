-- Customers Meta did not deliver a marketing message to for its per-user marketing limit (131049): the API
-- refuses the store's next marketing templates to them until until_at, 24 h after Meta's refusal.
create table messaging_marketing_held_back (
    store_id uuid        not null references stores (store_id),
    customer varchar(64) not null,
    until_at timestamp with time zone not null,
    primary key (store_id, customer)
);
