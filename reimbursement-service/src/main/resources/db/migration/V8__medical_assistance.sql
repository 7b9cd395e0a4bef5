-- Medical assistance (医疗救助) as the third payer (issue 25). Its money is its own book: the assistance
-- fund's, never in fund_paid_total (the insurance funds) nor in a statement's total_amount.

alter table settlement add column assistance_category varchar(24);
alter table settlement add column assistance_paid numeric(14, 2) not null default 0 check (assistance_paid >= 0);
alter table settlement add column assistance_deductible_applied numeric(14, 2) not null default 0;
alter table settlement add column assistance_ordinary_paid numeric(14, 2) not null default 0;
alter table settlement add column assistance_tilted_paid numeric(14, 2) not null default 0;
alter table settlement add column used_assistance_tilted_deductible numeric(14, 2) not null default 0;
alter table settlement add column used_assistance_outpatient_paid numeric(14, 2) not null default 0;
-- the burden is now what is left after the three payers: V1's unnamed check gives way
do $$
declare c record;
begin
    for c in select conname from pg_constraint
              where conrelid = 'settlement'::regclass and contype = 'c'
                and pg_get_constraintdef(oid) like '%personal_burden = (total_amount - fund_paid_total)%'
    loop
        execute format('alter table settlement drop constraint %I', c.conname);
    end loop;
end $$;
alter table settlement add constraint settlement_assistance_sums
    check (assistance_paid = assistance_ordinary_paid + assistance_tilted_paid
           and personal_burden = total_amount - fund_paid_total - assistance_paid);

-- The person's yearly use, on the row every settlement of the person's year locks.
alter table yearly_accumulator add column assistance_deductible_used numeric(14, 2) not null default 0;
alter table yearly_accumulator add column assistance_paid numeric(14, 2) not null default 0;
alter table yearly_accumulator add column assistance_tilted_deductible_used numeric(14, 2) not null default 0;
alter table yearly_accumulator add column assistance_tilted_paid numeric(14, 2) not null default 0;
alter table yearly_accumulator add column assistance_outpatient_paid numeric(14, 2) not null default 0;
alter table yearly_accumulator add constraint yearly_assistance_not_negative
    check (assistance_deductible_used >= 0 and assistance_paid >= 0 and assistance_tilted_deductible_used >= 0
           and assistance_tilted_paid >= 0 and assistance_outpatient_paid >= 0);

-- Clearing: what the assistance fund owes the institution, apart from the insurance funds' total.
alter table clearing_statement add column assistance_amount numeric(14, 2) not null default 0;
alter table clearing_statement add column claim_assistance_amount numeric(14, 2) not null default 0;
alter table clearing_line add column assistance_amount numeric(14, 2) not null default 0;
