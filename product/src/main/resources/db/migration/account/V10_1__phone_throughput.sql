-- Meta's throughput level of each number (STANDARD, HIGH after an upgrade, ...) and whether it is also on
-- the WhatsApp Business app (coexistence numbers send more slowly): the number's messages per second.
alter table phone_numbers add column throughput_level varchar(32);
alter table phone_numbers add column on_business_app boolean;
