-- When each store's profile is next compared with Meta's copy: a periodic check brings back a picture or
-- text changed elsewhere (WhatsApp Manager, another app) even when nobody opens the page.
alter table business_profiles add column next_check_at timestamp with time zone not null default now();
create index business_profiles_next_check on business_profiles (next_check_at);
