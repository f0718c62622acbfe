-- When Meta's messaging limit was true: webhooks arrive out of order (parallel inbox workers, Meta's
-- retries), and an older limit must not replace a newer one.
alter table phone_numbers add column messaging_limit_at timestamp with time zone;
