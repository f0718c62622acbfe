-- A coexistence number the merchant took out of Cloud API (account_update ACCOUNT_OFFBOARDED: the app moved
-- phone or was registered again; PARTNER_REMOVED: the business removed our access): when, and Meta's event.
-- Campaigns stop using it until Meta reconnects it or the merchant connects again.
alter table phone_numbers add column left_at timestamp with time zone;
alter table phone_numbers add column left_event varchar(40);
