-- Customers who stopped a business number's marketing messages on the simulated phone; resuming deletes
-- the row. Sandbox data only.
create table sandbox_marketing_stops (
    phone_id   varchar(20) not null,
    wa_id      varchar(20) not null,
    stopped_at timestamp with time zone not null,
    primary key (phone_id, wa_id)
);
