-- Shipped by the common module, applied by every service in its own schema
-- (quarkus.flyway.locations=db/migration,db/common): the stored outcomes of Idempotency-Key requests.
create table idempotency_record (
    idempotency_key varchar(128) primary key,
    request_hash    varchar(64)  not null,
    response_status integer      not null,
    response_body   text,
    created_at      timestamptz  not null
);
