-- Sending checked against the WABA's templates, scripted deliveries and the portfolio's messaging limit.
-- Sandbox data only.

-- The template a template message was sent with, so that the customer phone shows it filled in.
alter table sandbox_messages add column template_id varchar(20);

-- What happens to messages sent to one customer, set on the console (overrides the number-suffix rules).
create table sandbox_delivery_scripts (
    wa_id         varchar(20) primary key,
    outcome       varchar(24) not null,
    -- how late the statuses come, for the LATE outcome
    delay_seconds integer     not null,
    updated_at    timestamp with time zone not null
);

-- Each customer a portfolio reached outside their customer service window: Meta's messaging limit counts
-- the unique ones in a rolling 24 h.
create table sandbox_portfolio_reach (
    business_id varchar(20) not null references sandbox_businesses (business_id),
    wa_id       varchar(20) not null,
    reached_at  timestamp with time zone not null
);

create index sandbox_portfolio_reach_idx on sandbox_portfolio_reach (business_id, reached_at);
