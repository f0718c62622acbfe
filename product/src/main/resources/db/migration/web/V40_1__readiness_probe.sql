-- Readiness writes a row here inside a transaction it rolls back: it proves that the node can write to
-- its database, not only reach it. The check constraint puts the probe through the same machinery as
-- the product's own writes; it lists two values so that H2 evaluates it as a set, as it does theirs.
create table readiness_probe (
    probed_at timestamp with time zone not null,
    outcome   varchar(16)              not null,
    constraint readiness_probe_outcome_ck check (outcome in ('written', 'rolled-back'))
);
