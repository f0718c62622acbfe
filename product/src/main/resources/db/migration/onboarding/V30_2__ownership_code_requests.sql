-- When the merchant last asked Meta for the number's ownership code from our screen: one request per
-- number per minute, checked in the same UPDATE that records it, so that two nodes or two tabs cannot
-- spend Meta's own limit on code requests (136024, hours of waiting) between them.
alter table registrations add column code_requested_at timestamp with time zone;
