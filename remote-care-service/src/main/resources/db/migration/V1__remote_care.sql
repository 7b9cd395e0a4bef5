-- remote-care-service owns the schema "remote_care": remote-care filings (异地就医备案) and the
-- region pairs exempt from filing.

create table filing (
    id                         bigint generated always as identity primary key,
    person_id                  bigint       not null,
    insured_region             varchar(6)   not null,
    insurance_type             varchar(3)   not null,
    destination_region         varchar(6)   not null,
    type                       varchar(16)  not null check (type in ('LONG_TERM', 'TEMPORARY', 'EMERGENCY')),
    reason                     varchar(32)  not null,
    start_date                 date         not null,
    end_date                   date,
    valid_from                 date         not null,
    valid_until                date,
    treatment_date             date,
    proof_kind                 varchar(32),
    proof_number               varchar(64),
    personal_account_enabled   boolean      not null,
    status                     varchar(16)  not null check (status in ('ACTIVE', 'CANCELLED')),
    created_at                 timestamptz  not null,
    cancelled_on               date,
    check (valid_until is null or valid_until >= valid_from)
);
create index filing_by_person on filing (person_id, id);

create table exemption (
    insured_province         varchar(2)   not null,
    destination_province     varchar(2)   not null,
    insurance_types          varchar(16)  not null,
    personal_account_enabled boolean      not null,
    updated_at               timestamptz  not null,
    primary key (insured_province, destination_province)
);

-- 川渝: Sichuan (51) and Chongqing (50) waive filing for each other's insured, every insurance type.
insert into exemption values ('51', '50', '310,390', true, now()), ('50', '51', '310,390', true, now());
