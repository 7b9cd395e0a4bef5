-- reimbursement-service owns the schema "reimbursement": policies, institutions, the catalog,
-- settlements (结算) and each person's yearly accumulators (年度累计).

create table policy (
    id             bigint generated always as identity primary key,
    insured_region varchar(6)  not null,
    insurance_type varchar(3)  not null check (insurance_type in ('310', '390')),
    policy_year    integer     not null,
    version        integer     not null,
    document       text        not null,
    created_at     timestamptz not null,
    unique (insured_region, insurance_type, policy_year, version)
);

create table institution (
    code             varchar(32)  primary key,
    name             varchar(200) not null,
    region           varchar(6)   not null,
    level            integer      not null check (level between 1 and 3),
    kind             varchar(16)  not null check (kind in ('HOSPITAL', 'PRIMARY', 'PHARMACY')),
    designated       boolean      not null,
    remote_networked boolean      not null,
    updated_at       timestamptz  not null
);

create table catalog_item (
    item_code   varchar(64)  primary key,
    name        varchar(200) not null,
    category    varchar(24)  not null check (category in ('A', 'B', 'EXPENSIVE_DRUG', 'SPECIAL_TREATMENT', 'SELF_FUNDED')),
    price_limit numeric(14, 2) check (price_limit >= 0),
    updated_at  timestamptz  not null
);

create table settlement (
    id                       bigint generated always as identity primary key,
    person_id                bigint         not null,
    institution_code         varchar(32)    not null references institution (code),
    visit_id                 varchar(64)    not null,
    medical_type             varchar(24)    not null,
    mode                     varchar(24)    not null,
    filing_id                bigint,
    status                   varchar(16)    not null check (status in ('PENDING', 'COMPLETED', 'CANCELLED', 'FAILED')),
    insured_region           varchar(6)     not null,
    insurance_type           varchar(3)     not null,
    policy_id                bigint         not null references policy (id),
    policy_version           integer        not null,
    settlement_year          integer        not null,
    admission_date           date,
    discharge_date           date,
    service_date             date,
    injury_cause             varchar(32)    not null,
    use_account              boolean        not null,
    family_payer_person_id   bigint,
    idempotency_key          varchar(128),
    payment_reference        varchar(64)    not null unique,
    total_amount             numeric(14, 2) not null,
    self_funded_amount       numeric(14, 2) not null,
    over_limit_amount        numeric(14, 2) not null,
    pre_self_pay_amount      numeric(14, 2) not null,
    eligible_amount          numeric(14, 2) not null,
    deductible_applied       numeric(14, 2) not null,
    pool_fund_paid           numeric(14, 2) not null,
    catastrophic_paid        numeric(14, 2) not null,
    fund_paid_total          numeric(14, 2) not null,
    personal_burden          numeric(14, 2) not null,
    account_paid             numeric(14, 2) not null,
    family_account_paid      numeric(14, 2) not null,
    cash_paid                numeric(14, 2) not null,
    account_balance_after    numeric(14, 2),
    account_payment_id       bigint,
    used_inpatient_fund_paid numeric(14, 2) not null,
    used_outpatient_deductible numeric(14, 2) not null,
    used_outpatient_fund_paid numeric(14, 2) not null,
    used_catastrophic_burden numeric(14, 2) not null,
    used_catastrophic_paid   numeric(14, 2) not null,
    used_admissions          integer        not null,
    lines                    text           not null,
    unlisted_items           text           not null,
    trace                    text           not null,
    created_at               timestamptz    not null,
    completed_at             timestamptz,
    cancelled_at             timestamptz,
    check (eligible_amount = total_amount - self_funded_amount - over_limit_amount - pre_self_pay_amount),
    check (fund_paid_total = pool_fund_paid + catastrophic_paid),
    check (personal_burden = total_amount - fund_paid_total),
    check (cash_paid = personal_burden - account_paid - family_account_paid),
    check (cash_paid >= 0 and account_paid >= 0 and family_account_paid >= 0)
);
-- settled once per (institution, visit); a cancelled or failed settlement frees the visit again
create unique index settlement_once_per_visit on settlement (institution_code, visit_id)
    where status in ('PENDING', 'COMPLETED');
create index settlement_by_person on settlement (person_id, settlement_year, id);
create index settlement_pending on settlement (created_at) where status = 'PENDING';

create table yearly_accumulator (
    person_id                  bigint         not null,
    accumulator_year           integer        not null,
    inpatient_fund_paid        numeric(14, 2) not null check (inpatient_fund_paid >= 0),
    outpatient_deductible_used numeric(14, 2) not null check (outpatient_deductible_used >= 0),
    outpatient_fund_paid       numeric(14, 2) not null check (outpatient_fund_paid >= 0),
    catastrophic_burden        numeric(14, 2) not null check (catastrophic_burden >= 0),
    catastrophic_paid          numeric(14, 2) not null check (catastrophic_paid >= 0),
    admissions                 integer        not null check (admissions >= 0),
    updated_at                 timestamptz    not null,
    primary key (person_id, accumulator_year)
);
