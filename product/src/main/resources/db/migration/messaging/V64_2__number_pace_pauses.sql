-- A number's pauses after Meta's 130429, kept on its pace instead of rewritten into every queued message.
-- slowed_at: when it last paused; a send that left before that pause was over belongs to the bunch that
-- caused it, and its refusal does not pause the number again (a bunch of 16 refusals used to stack 16
-- pauses: four seconds of silence). paused_micros: all its pauses added up; a queued message keeps the
-- total its slot was given under (messaging_outbox.slot_paused_micros), so its slot is slot_at plus the
-- pauses since, and a pause costs one row, not an update of the whole queue (whose locks also stopped the
-- workers from claiming the messages due next).
alter table messaging_number_pace add column slowed_at timestamp with time zone;
alter table messaging_number_pace add column paused_micros bigint default 0 not null;
alter table messaging_outbox add column slot_paused_micros bigint;
