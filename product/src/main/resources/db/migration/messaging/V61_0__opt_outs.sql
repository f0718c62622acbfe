-- Each store's suppression list: customers who asked to stop (Meta's 131050, Meta's user_preferences
-- webhook, a stop word in their own message, or the merchant), keyed by customer as windows and the
-- budget key them. An entry stays after it is lifted (lifted_at set), so that a stop reported late,
-- from before the lift, does not put the customer back.
create table messaging_opt_outs (
    store_id      uuid         not null references stores (store_id),
    customer      varchar(200) not null,
    -- meta_failed (131050 on a send), meta_preferences (user_preferences stop), stop_word, merchant
    source        varchar(24)  not null,
    opted_out_at  timestamp with time zone not null,
    -- what caused it: our message id (131050), the customer's message id and text (stop word)
    message_id    varchar(200),
    message_text  varchar(300),
    lifted_at     timestamp with time zone,
    -- meta_preferences (resume) or the merchant's name
    lifted_by     varchar(200),
    primary key (store_id, customer)
);
