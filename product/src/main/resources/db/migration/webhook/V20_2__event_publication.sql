-- Spring Modulith 2.0's event publication registry (schema v2 of spring-modulith-events-jdbc 2.0.3),
-- written once for PostgreSQL and H2: unbounded varchar instead of PostgreSQL's text (a CLOB in H2,
-- which H2 cannot compare with =), and no index on serialized_event (PostgreSQL's is a hash index,
-- which H2 lacks; a btree one fails on large events). Publications are completed by id.
create table event_publication (
    id                     uuid         not null primary key,
    listener_id            varchar(512) not null,
    event_type             varchar(512) not null,
    serialized_event       varchar      not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    integer,
    last_resubmission_date timestamp with time zone
);

create index event_publication_by_completion_date_idx on event_publication (completion_date);
