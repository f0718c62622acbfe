-- Meta's advance notice of a recategorisation (template_category_update with correct_category): the
-- category Meta says it will move the template to, and the time of the notice, so a late or repeated
-- notice never replaces a newer one.
alter table templates add column announced_category varchar(20);
alter table templates add column announced_at timestamp with time zone;
