-- Regional rules (issue 24): a chronic disease whose deductible is consumed per calendar month
-- (deductiblePeriod MONTH) keeps what each month has used, and each settlement remembers its month so
-- that a cancellation gives it back to that month exactly.
create table monthly_chronic_deductible (
    person_id        bigint         not null,
    accumulator_year integer        not null,
    disease_code     varchar(32)    not null,
    month            smallint       not null check (month between 1 and 12),
    deductible_used  numeric(14, 2) not null check (deductible_used >= 0),
    primary key (person_id, accumulator_year, disease_code, month)
);

alter table settlement add column chronic_month integer check (chronic_month between 1 and 12);
