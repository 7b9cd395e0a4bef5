-- Visits with fee details (issue 26): the admission (入院办理) with the cover decided on its date, and the
-- fee lines (费用明细) the hospital uploads in batches, each classified by the catalogue as it arrives.

create table visit (
    id bigserial primary key,
    institution_code varchar(32) not null,
    visit_id varchar(64) not null,
    person_id bigint not null,
    medical_type varchar(24) not null,
    status varchar(16) not null check (status in ('OPEN', 'SETTLED', 'WITHDRAWN')),
    admission_date date,
    service_date date,
    discharge_date date,
    disease_code varchar(32),
    -- 入院时的待遇: the cover decided at admission, kept until discharge
    cover_eligible boolean not null,
    cover_mode varchar(24),
    cover_filing_id bigint,
    cover_reason text,
    -- what settlement needs of the person as account-service and remote-care-service said at admission (JSON)
    cover_snapshot text not null,
    settlement_id bigint,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    check (discharge_date is null or admission_date is null or discharge_date >= admission_date)
);
-- one live visit per (institution, visit id); a withdrawn one (入院撤销) frees the id
create unique index visit_once_live on visit (institution_code, visit_id) where status <> 'WITHDRAWN';
create index visit_person on visit (person_id);

create table fee_line (
    id bigserial primary key,
    visit_ref bigint not null references visit (id),
    line_no varchar(64) not null,
    item_code varchar(64) not null,
    quantity numeric(11, 4) not null check (quantity > 0),
    unit_price numeric(15, 6) not null check (unit_price >= 0),
    amount numeric(14, 2) not null,
    fee_date date not null,
    -- the catalogue's answer at upload: the category (null: not in the catalogue) and the parts of the amount
    category varchar(24),
    self_funded_amount numeric(14, 2) not null,
    over_limit_amount numeric(14, 2) not null,
    pre_self_pay_amount numeric(14, 2) not null,
    eligible_amount numeric(14, 2) not null,
    catalog_source varchar(64),
    uploaded_at timestamptz not null,
    revoked_at timestamptz,
    check (amount = self_funded_amount + over_limit_amount + pre_self_pay_amount + eligible_amount),
    check (self_funded_amount >= 0 and over_limit_amount >= 0 and pre_self_pay_amount >= 0 and eligible_amount >= 0)
);
create unique index fee_line_per_visit on fee_line (visit_ref, line_no);

-- a settlement made from a visit's uploaded lines names the visit, so that a cancellation reopens it
alter table settlement add column visit_ref bigint references visit (id);
