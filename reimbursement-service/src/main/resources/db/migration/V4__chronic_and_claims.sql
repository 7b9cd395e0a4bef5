-- 门诊慢特病 (chronic and special outpatient diseases) and reviewed claims (手工报销).

-- The agency's registration (认定) of a person's disease: valid from approved_on to valid_until
-- (open-ended when null), ended early by ended_on (not valid from that day).
create table chronic_registration (
    id           bigint generated always as identity primary key,
    person_id    bigint      not null,
    disease_code varchar(32) not null,
    approved_on  date        not null,
    valid_until  date,
    ended_on     date,
    created_at   timestamptz not null,
    check (valid_until is null or valid_until >= approved_on)
);
create index chronic_registration_by_person on chronic_registration (person_id, disease_code);

-- A person's yearly use of each disease's deductible and cap; changed under the lock of the
-- person's yearly_accumulator row.
create table yearly_chronic_accumulator (
    person_id        bigint         not null,
    accumulator_year integer        not null,
    disease_code     varchar(32)    not null,
    deductible_used  numeric(14, 2) not null check (deductible_used >= 0),
    fund_paid        numeric(14, 2) not null check (fund_paid >= 0),
    primary key (person_id, accumulator_year, disease_code)
);

alter table settlement add column disease_code varchar(32);
alter table settlement add column used_chronic_deductible numeric(14, 2) not null default 0;
alter table settlement add column used_chronic_fund_paid numeric(14, 2) not null default 0;
alter table settlement add column reviewed_at timestamptz;

-- claims: SUBMITTED (holding the quotas) -> COMPLETED (approved) or REJECTED (quotas returned)
alter table settlement drop constraint settlement_status_check;
alter table settlement add constraint settlement_status_check
    check (status in ('PENDING', 'COMPLETED', 'CANCELLING', 'CANCELLED', 'FAILED', 'SUBMITTED', 'REJECTED'));
drop index settlement_once_per_visit;
create unique index settlement_once_per_visit on settlement (institution_code, visit_id)
    where status in ('PENDING', 'COMPLETED', 'CANCELLING', 'SUBMITTED');

-- Each invoice (发票) of an institution is claimed once: held while its claim is SUBMITTED or
-- COMPLETED, released when the claim is rejected or cancelled.
create table claim_invoice (
    institution_code varchar(32) not null,
    invoice_number   varchar(64) not null,
    settlement_id    bigint      not null references settlement (id),
    released         boolean     not null default false
);
create unique index claim_invoice_once on claim_invoice (institution_code, invoice_number) where not released;
create index claim_invoice_by_settlement on claim_invoice (settlement_id);

-- The reference diseases (docs/rules.md, chronic diseases) and the 365-day claim deadline, as a new
-- version of every seeded policy: employees (310) and residents (390) differ in their ratios.
insert into policy (insured_region, insurance_type, policy_year, version, document, created_at)
select p.insured_region, p.insurance_type, p.policy_year, p.version + 1,
       (p.document::jsonb || jsonb_build_object(
           'chronic', case when p.insurance_type = '310' then
               '{"DIALYSIS": {"name": "尿毒症透析", "deductible": 0, "ratio": 0.90, "annualCap": 60000, "sharesInpatientCap": true},
                 "CANCER_OUTPATIENT": {"name": "恶性肿瘤门诊治疗", "deductible": 0, "ratio": 0.85, "annualCap": 100000, "sharesInpatientCap": true},
                 "ANTI_REJECTION": {"name": "器官移植抗排异治疗", "deductible": 0, "ratio": 0.85, "annualCap": 60000, "sharesInpatientCap": true},
                 "DIABETES": {"name": "糖尿病", "deductible": 200, "ratio": 0.70, "annualCap": 3000, "sharesInpatientCap": false},
                 "HYPERTENSION": {"name": "高血压", "deductible": 200, "ratio": 0.60, "annualCap": 2000, "sharesInpatientCap": false}}'::jsonb
           else
               '{"DIALYSIS": {"name": "尿毒症透析", "deductible": 0, "ratio": 0.70, "annualCap": 60000, "sharesInpatientCap": true},
                 "CANCER_OUTPATIENT": {"name": "恶性肿瘤门诊治疗", "deductible": 0, "ratio": 0.65, "annualCap": 100000, "sharesInpatientCap": true},
                 "ANTI_REJECTION": {"name": "器官移植抗排异治疗", "deductible": 0, "ratio": 0.65, "annualCap": 60000, "sharesInpatientCap": true},
                 "DIABETES": {"name": "糖尿病", "deductible": 200, "ratio": 0.60, "annualCap": 3000, "sharesInpatientCap": false},
                 "HYPERTENSION": {"name": "高血压", "deductible": 200, "ratio": 0.50, "annualCap": 2000, "sharesInpatientCap": false}}'::jsonb
           end,
           'claims', '{"deadlineDays": 365}'::jsonb))::text,
       now()
  from policy p
 where p.version = (select max(version) from policy q where q.insured_region = p.insured_region
                      and q.insurance_type = p.insurance_type and q.policy_year = p.policy_year);
