-- Meta's throughput per number, shared by every node: the next free send slot of each number. A worker
-- takes slots 1/mps apart for the messages it claimed, so nodes sending for one number together stay
-- under what Meta allows.
create table messaging_number_pace (
    phone_number_id varchar(64) primary key,
    store_id        uuid        not null references stores (store_id),
    next_slot_at    timestamp with time zone not null,
    -- After Meta refused a send for going too fast (130429): slots further apart until then.
    slowed_until    timestamp with time zone
);

-- Which number sends the message (the pace to take a slot from), and the slot it was given when it had to
-- wait for a later one: a message claimed again at its slot does not take a second.
alter table messaging_outbox add column phone_number_id varchar(64);
alter table messaging_outbox add column slot_at timestamp with time zone;
update messaging_outbox o set phone_number_id =
    (select m.phone_number_id from messaging_messages m where m.message_id = o.message_id);
