-- The sender that holds a delivery's lease: a batch of deliveries is claimed in one statement and read back
-- by it, rather than claimed and read one delivery at a time.
alter table sandbox_webhook_deliveries add column lease_owner uuid;
