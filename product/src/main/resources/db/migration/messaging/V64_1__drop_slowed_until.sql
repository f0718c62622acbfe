-- A number no longer sends slower for a minute after Meta's 130429: it pauses a second and its queued slots
-- move with it (messaging_number_pace.next_slot_at and messaging_outbox.slot_at), so nothing reads or writes
-- slowed_until any more.
alter table messaging_number_pace drop column slowed_until;
