-- A message's delivery statuses are now kept with the message itself (messaging_messages and its
-- timeline), which also keeps the status values Meta adds later; this filter had no other reader.
drop table webhook_message_statuses;
