-- 资助参保 (issue 25): the part of a resident's premium that a subsidy paid, and who granted it.
alter table contribution add column subsidy_amount numeric(14, 2) check (subsidy_amount >= 0);
alter table contribution add column subsidy_source varchar(64);
alter table contribution add constraint contribution_subsidy_within_premium
    check (subsidy_amount is null or subsidy_amount <= amount);
