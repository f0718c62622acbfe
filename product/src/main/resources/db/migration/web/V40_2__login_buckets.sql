-- Login attempts per e-mail and per client address (store.LoginBuckets, Bucket4j's token buckets), in
-- the shared database so that every node counts the same attempts. The id is a hash of the e-mail or
-- address, never the value itself; state is Bucket4j's serialized bucket. A row expires once its bucket
-- would be full again (expires_at, epoch milliseconds), and each node deletes expired rows every hour.
create table login_buckets (
    id         varchar(80) not null,
    state      bytea,
    expires_at bigint,
    constraint login_buckets_pk primary key (id)
);

create index login_buckets_expiry on login_buckets (expires_at);
