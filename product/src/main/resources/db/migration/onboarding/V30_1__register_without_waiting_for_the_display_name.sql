-- Registration no longer waits for the display name's approval: Meta reviews the name by itself, at the
-- latest when the business reaches a higher messaging limit, which needs a registered number. Numbers left
-- waiting by the previous release go on to the register step at once. The state name stays readable in
-- the code: an older node still running during a rolling deploy may write it again.
update registrations
set state = 'REGISTER', next_attempt_at = current_timestamp, updated_at = current_timestamp
where state = 'AWAIT_APPROVAL';
