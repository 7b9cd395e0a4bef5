-- Money invariants (bench/run prints each count after its run, the system tests' ChaosTest after
-- its faults; every one must be 0).
-- The schemas are the services' own; this check reads both, as an auditor would. Each check is one
-- pass over its tables (joins to grouped sums, no per-row subquery), so it stays quick however many
-- settlements earlier runs left.
select 'accounts whose ledger does not sum to the balance' as invariant, count(*) as violations
  from account.personal_account a
  left join (select person_id, sum(amount) as total from account.account_entry group by person_id) e
    on e.person_id = a.person_id
 where a.balance <> coalesce(e.total, 0)
union all
select 'negative balances', count(*) from account.personal_account where balance < 0
union all
select 'yearly accumulators that differ from the sum of the live settlements', count(*)
  from reimbursement.yearly_accumulator y
  full join (select person_id, settlement_year,
                    sum(used_inpatient_fund_paid) as inpatient_fund_paid,
                    sum(used_outpatient_deductible) as outpatient_deductible_used,
                    sum(used_outpatient_fund_paid) as outpatient_fund_paid,
                    sum(used_catastrophic_burden) as catastrophic_burden,
                    sum(used_catastrophic_paid) as catastrophic_paid,
                    sum(used_admissions) as admissions
               from reimbursement.settlement where status in ('PENDING', 'COMPLETED', 'CANCELLING', 'SUBMITTED')
              group by person_id, settlement_year) s
    on s.person_id = y.person_id and s.settlement_year = y.accumulator_year
 where coalesce(y.inpatient_fund_paid, 0) <> coalesce(s.inpatient_fund_paid, 0)
    or coalesce(y.outpatient_deductible_used, 0) <> coalesce(s.outpatient_deductible_used, 0)
    or coalesce(y.outpatient_fund_paid, 0) <> coalesce(s.outpatient_fund_paid, 0)
    or coalesce(y.catastrophic_burden, 0) <> coalesce(s.catastrophic_burden, 0)
    or coalesce(y.catastrophic_paid, 0) <> coalesce(s.catastrophic_paid, 0)
    or coalesce(y.admissions, 0) <> coalesce(s.admissions, 0)
union all
select 'chronic disease accumulators that differ from the sum of the live settlements', count(*)
  from reimbursement.yearly_chronic_accumulator c
  full join (select person_id, settlement_year, disease_code,
                    sum(used_chronic_deductible) as deductible_used, sum(used_chronic_fund_paid) as fund_paid
               from reimbursement.settlement
              where disease_code is not null and status in ('PENDING', 'COMPLETED', 'CANCELLING', 'SUBMITTED')
              group by person_id, settlement_year, disease_code) s
    on s.person_id = c.person_id and s.settlement_year = c.accumulator_year and s.disease_code = c.disease_code
 where coalesce(c.deductible_used, 0) <> coalesce(s.deductible_used, 0)
    or coalesce(c.fund_paid, 0) <> coalesce(s.fund_paid, 0)
union all
select 'monthly chronic deductibles that differ from the sum of the live settlements of the month', count(*)
  from reimbursement.monthly_chronic_deductible m
  full join (select person_id, settlement_year, disease_code, chronic_month, sum(used_chronic_deductible) as used
               from reimbursement.settlement
              where chronic_month is not null and status in ('PENDING', 'COMPLETED', 'CANCELLING', 'SUBMITTED')
              group by person_id, settlement_year, disease_code, chronic_month) s
    on s.person_id = m.person_id and s.settlement_year = m.accumulator_year and s.disease_code = m.disease_code
   and s.chronic_month = m.month
 where coalesce(m.deductible_used, 0) <> coalesce(s.used, 0)
union all
select 'assistance accumulators that differ from the sum of the live settlements', count(*)
  from reimbursement.yearly_accumulator y
  full join (select person_id, settlement_year,
                    sum(assistance_deductible_applied) as deductible_used, sum(assistance_ordinary_paid) as paid,
                    sum(used_assistance_tilted_deductible) as tilted_deductible_used,
                    sum(assistance_tilted_paid) as tilted_paid, sum(used_assistance_outpatient_paid) as outpatient_paid
               from reimbursement.settlement where status in ('PENDING', 'COMPLETED', 'CANCELLING', 'SUBMITTED')
              group by person_id, settlement_year) s
    on s.person_id = y.person_id and s.settlement_year = y.accumulator_year
 where coalesce(y.assistance_deductible_used, 0) <> coalesce(s.deductible_used, 0)
    or coalesce(y.assistance_paid, 0) <> coalesce(s.paid, 0)
    or coalesce(y.assistance_tilted_deductible_used, 0) <> coalesce(s.tilted_deductible_used, 0)
    or coalesce(y.assistance_tilted_paid, 0) <> coalesce(s.tilted_paid, 0)
    or coalesce(y.assistance_outpatient_paid, 0) <> coalesce(s.outpatient_paid, 0)
union all
select 'settlements whose assistance is more than the in-scope burden the insurance funds left', count(*)
  from reimbursement.settlement
 where assistance_paid > eligible_amount - fund_paid_total
    or (assistance_paid > 0 and (assistance_category is null or mode in ('REMOTE_FILED', 'REMOTE_EXEMPT') and not claim))
union all
select 'premiums paid by a relative whose payment is refunded or missing', count(*)
  from account.contribution c
  left join account.payment p on p.id = c.payment_id
 where c.payment_id is not null and (p.id is null or p.refunded_at is not null)
union all
select 'interest postings without their one INTEREST entry', count(*)
  from account.interest_posting i
 where i.interest > 0
   and (select count(*) from account.account_entry e
         where e.person_id = i.person_id and e.type = 'INTEREST' and e.reference = 'INTEREST-' || i.posting_year
           and e.amount = i.interest) <> 1
union all
select 'completed settlements whose account part is not one unrefunded payment', count(*)
  from reimbursement.settlement s
  left join (select reference, paid_amount, count(*) as payments from account.payment
              where refunded_at is null group by reference, paid_amount) p
    on p.reference = s.payment_reference and p.paid_amount = s.account_paid + s.family_account_paid
 where s.status = 'COMPLETED' and s.account_paid + s.family_account_paid > 0
   and coalesce(p.payments, 0) <> 1
union all
select 'cancelled or failed settlements whose account payment was not refunded', count(*)
  from reimbursement.settlement s
 where s.status in ('CANCELLED', 'FAILED')
   and exists (select 1 from account.payment p
                where p.reference = s.payment_reference and p.refunded_at is null and p.paid_amount > 0)
union all
select 'unrefunded settlement payments without a completed settlement', count(*)
  from account.payment p
 where p.reference like 'STL-%' and p.refunded_at is null and p.paid_amount > 0
   and not exists (select 1 from reimbursement.settlement s
                    where s.payment_reference = p.reference and s.status in ('COMPLETED', 'PENDING', 'CANCELLING'))
union all
select 'invoices held by a claim that is neither submitted nor completed', count(*)
  from reimbursement.claim_invoice i join reimbursement.settlement s on s.id = i.settlement_id
 where not i.released and s.status not in ('SUBMITTED', 'COMPLETED')
union all
select 'clearing statements whose total is not their settlements less their adjustments', count(*)
  from reimbursement.clearing_statement c
  left join (select statement_id, sum(fund_paid_total) as total from reimbursement.settlement
              where statement_id is not null and not claim group by statement_id) cleared
    on cleared.statement_id = c.id
  left join (select adjustment_statement_id, sum(fund_paid_total) as total from reimbursement.settlement
              where adjustment_statement_id is not null and not claim group by adjustment_statement_id) adjusted
    on adjusted.adjustment_statement_id = c.id
 where c.total_amount <> coalesce(cleared.total, 0) - coalesce(adjusted.total, 0)
union all
select 'settlements left PENDING or CANCELLING', count(*) from reimbursement.settlement
 where status in ('PENDING', 'CANCELLING');
