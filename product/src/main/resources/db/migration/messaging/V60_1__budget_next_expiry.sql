-- No counted customer's 24 h runs out before next_expiry (null: not known), so a decision before it has
-- nothing to forget and skips the expiry delete: one round trip less inside the portfolio's lock.
alter table messaging_budgets add column next_expiry timestamp with time zone;
