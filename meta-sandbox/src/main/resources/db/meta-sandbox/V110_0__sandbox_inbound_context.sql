-- The business message a customer's message answers (Meta's context.id): a swipe-to-reply or a button tap.
alter table sandbox_inbound_messages add column context_id text;
