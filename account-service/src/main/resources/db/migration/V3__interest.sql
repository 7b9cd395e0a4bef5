-- Interest on personal accounts (计息, issue 25): a yearly rate per insured region, and one posting per
-- account and year (what makes a second posting add nothing).
create table interest_rate (
    insured_region varchar(6)    not null check (insured_region ~ '^[1-9][0-9]{5}$'),
    rate_year      integer       not null check (rate_year between 2000 and 2100),
    annual_rate    numeric(8, 6) not null check (annual_rate >= 0 and annual_rate <= 0.1),
    updated_at     timestamptz   not null,
    primary key (insured_region, rate_year)
);

create table interest_posting (
    person_id     bigint         not null references personal_account (person_id),
    posting_year  integer        not null,
    balance_days  numeric(20, 2) not null check (balance_days >= 0),
    annual_rate   numeric(8, 6)  not null,
    interest      numeric(14, 2) not null check (interest >= 0),
    posted_at     timestamptz    not null,
    primary key (person_id, posting_year)
);
