-- Reconciliation and clearing with institutions (对账与清算).

-- A claim (手工报销) is paid to the person, not to the institution: cleared apart.
alter table settlement add column claim boolean not null default false;
update settlement set claim = true
 where mode = 'REMOTE_UNFILED_CLAIM' or status in ('SUBMITTED', 'REJECTED') or reviewed_at is not null;

-- Every completed settlement lands in exactly one monthly statement (statement_id); one cancelled
-- after it was cleared lands once more, as a negative adjustment (adjustment_statement_id).
alter table settlement add column statement_id bigint;
alter table settlement add column adjustment_statement_id bigint;
create index settlement_to_clear on settlement (institution_code, completed_at)
    where status = 'COMPLETED' and statement_id is null;
create index settlement_to_adjust on settlement (institution_code, cancelled_at)
    where status = 'CANCELLED' and statement_id is not null and adjustment_statement_id is null;
create index settlement_by_statement on settlement (statement_id) where statement_id is not null;
create index settlement_by_adjustment on settlement (adjustment_statement_id) where adjustment_statement_id is not null;
create index settlement_completed_at on settlement (completed_at) where status = 'COMPLETED';

-- 月度清算: what the fund owes an institution for a month.
create table clearing_statement (
    id                  bigint generated always as identity primary key,
    institution_code    varchar(32)    not null references institution (code),
    clearing_month      varchar(7)     not null,
    status              varchar(16)    not null check (status in ('DRAFT', 'CONFIRMED', 'PAID')),
    settlement_count    integer        not null default 0,
    pool_fund_amount    numeric(14, 2) not null default 0,
    catastrophic_amount numeric(14, 2) not null default 0,
    adjustment_count    integer        not null default 0,
    adjustment_amount   numeric(14, 2) not null default 0,
    total_amount        numeric(14, 2) not null default 0,
    claim_count         integer        not null default 0,
    claim_amount        numeric(14, 2) not null default 0,
    payment_reference   varchar(64),
    created_at          timestamptz    not null,
    confirmed_at        timestamptz,
    paid_at             timestamptz,
    unique (institution_code, clearing_month),
    check (total_amount = pool_fund_amount + catastrophic_amount + adjustment_amount)
);

-- The statement by medical type and insurance type (adjustments negative).
create table clearing_line (
    statement_id        bigint         not null references clearing_statement (id),
    medical_type        varchar(24)    not null,
    insurance_type      varchar(3)     not null,
    settlement_count    integer        not null,
    pool_fund_amount    numeric(14, 2) not null,
    catastrophic_amount numeric(14, 2) not null,
    adjustment_count    integer        not null,
    adjustment_amount   numeric(14, 2) not null,
    primary key (statement_id, medical_type, insurance_type)
);
