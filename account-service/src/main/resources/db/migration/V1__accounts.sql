-- account-service owns the schema "account": persons, enrollments, contributions,
-- personal accounts (个人账户) and their append-only ledger, payments, family bindings.

create table person (
    id          bigint generated always as identity primary key,
    id_number   varchar(18)  not null unique,
    name        varchar(100) not null,
    created_at  timestamptz  not null
);

create table enrollment (
    id             bigint generated always as identity primary key,
    person_id      bigint      not null references person (id),
    insurance_type varchar(16) not null check (insurance_type in ('EMPLOYEE', 'RESIDENT')),
    person_type    varchar(16) not null check (person_type in ('IN_SERVICE', 'RETIRED', 'FLEXIBLE', 'RESIDENT')),
    insured_region varchar(6)     not null,
    enrolled_on    date        not null,
    ended_on       date,
    end_reason     varchar(32),
    status         varchar(16) not null check (status in ('ACTIVE', 'TERMINATED'))
);
-- 重复参保: at most one active enrollment per person (and person.id_number is unique).
create unique index enrollment_one_active on enrollment (person_id) where status = 'ACTIVE';
create index enrollment_person on enrollment (person_id, enrolled_on);

create table contribution (
    id                bigint generated always as identity primary key,
    person_id         bigint        not null references person (id),
    kind              varchar(16)   not null check (kind in ('EMPLOYEE', 'RESIDENT')),
    period            varchar(7),
    contribution_year integer,
    individual_amount numeric(14, 2),
    employer_amount   numeric(14, 2),
    amount            numeric(14, 2) not null,
    credited_amount   numeric(14, 2) not null,
    paid_on           date          not null,
    created_at        timestamptz   not null,
    check ((kind = 'EMPLOYEE' and period is not null) or (kind = 'RESIDENT' and contribution_year is not null))
);
create unique index contribution_one_per_period on contribution (person_id, period) where period is not null;
create unique index contribution_one_per_year on contribution (person_id, contribution_year) where contribution_year is not null;

create table personal_account (
    person_id     bigint primary key references person (id),
    balance       numeric(14, 2) not null check (balance >= 0),
    status        varchar(16)    not null check (status in ('ACTIVE', 'FROZEN', 'CLOSED')),
    closed_reason varchar(32),
    closed_payee  varchar(200),
    closed_at     timestamptz,
    created_at    timestamptz    not null,
    updated_at    timestamptz    not null
);

create table account_entry (
    id                    bigint generated always as identity primary key,
    person_id             bigint         not null references personal_account (person_id),
    type                  varchar(32)    not null,
    amount                numeric(14, 2) not null,
    balance_after         numeric(14, 2) not null check (balance_after >= 0),
    reference             varchar(128),
    beneficiary_person_id bigint references person (id),
    payment_id            bigint,
    description           varchar(300),
    created_at            timestamptz    not null
);
create index account_entry_by_account on account_entry (person_id, id desc);

-- The ledger is append-only: a correction is a new entry, never an edit.
create function account_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'account_entry is append-only (% refused)', tg_op;
end $$;
create trigger account_entry_append_only before update or delete on account_entry
    for each row execute function account_entry_append_only();

create table payment (
    id                    bigint generated always as identity primary key,
    person_id             bigint         not null references personal_account (person_id),
    requested_amount      numeric(14, 2) not null check (requested_amount > 0),
    paid_amount           numeric(14, 2) not null check (paid_amount >= 0),
    shortfall             numeric(14, 2) not null check (shortfall >= 0),
    purpose               varchar(32)    not null,
    beneficiary_person_id bigint references person (id),
    reference             varchar(128)   not null,
    allow_partial         boolean        not null,
    refunded_at           timestamptz,
    created_at            timestamptz    not null,
    unique (person_id, reference)
);

create table family_binding (
    id               bigint generated always as identity primary key,
    holder_person_id bigint      not null references person (id),
    member_person_id bigint      not null references person (id),
    relation         varchar(16) not null check (relation in ('SPOUSE', 'PARENT', 'CHILD')),
    bound_at         timestamptz not null,
    unique (holder_person_id, member_person_id),
    check (holder_person_id <> member_person_id)
);

create table retiree_allocation (
    id         bigint generated always as identity primary key,
    person_id  bigint         not null references personal_account (person_id),
    period     varchar(7)        not null,
    amount     numeric(14, 2) not null,
    created_at timestamptz    not null,
    unique (person_id, period)
);

create table transfer (
    id           bigint generated always as identity primary key,
    person_id    bigint         not null references person (id),
    from_region  varchar(6)        not null,
    to_region    varchar(6)        not null,
    effective_on date           not null,
    amount_moved numeric(14, 2) not null,
    created_at   timestamptz    not null
);
