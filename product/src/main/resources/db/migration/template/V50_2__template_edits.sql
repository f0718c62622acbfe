-- Each edit Meta accepted of an approved template: Meta allows an approved template one edit in 24 hours
-- and ten in 30 days (rejected and paused ones any number), so the product stops at that itself.
create table template_edits (
    store_id    uuid        not null references stores (store_id),
    template_id varchar(32) not null,
    edited_at   timestamp with time zone not null
);

create index template_edits_template_idx on template_edits (template_id, edited_at);
