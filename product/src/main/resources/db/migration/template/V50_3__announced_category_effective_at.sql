-- When Meta said an announced recategorisation takes effect (category_update_timestamp of its advance
-- notice); null when the notice gave no date.
alter table templates add column announced_effective_at timestamp with time zone;
