-- Console switches for Meta's quality measures. A number in a quality pause refuses every send (131048);
-- a WABA whose marketing templates are held answers their sends with held_for_quality_assessment (template
-- pacing). Sandbox data only: a row is the switch on, deleting it turns the switch off.
create table sandbox_quality_pauses (
    phone_id  varchar(20) primary key,
    paused_at timestamp with time zone not null
);

create table sandbox_held_marketing (
    waba_id varchar(20) primary key,
    held_at timestamp with time zone not null
);
