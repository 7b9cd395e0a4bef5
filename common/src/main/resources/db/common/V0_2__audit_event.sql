-- Shipped by the common module: every write to the service (who, role, what, when, outcome).
-- Paths and statuses only, never bodies: no ID number or name reaches the audit trail.
create table audit_event (
    id         bigint generated always as identity primary key,
    at         timestamptz  not null,
    subject    varchar(200) not null,
    role       varchar(32)  not null,
    method     varchar(8)   not null,
    path       varchar(500) not null,
    status     integer      not null,
    outcome    varchar(16)  not null check (outcome in ('SUCCESS', 'REFUSED', 'DENIED', 'FAILED'))
);
create index audit_event_at on audit_event (at);
create index audit_event_subject on audit_event (subject, id);
