-- The catalogue as provinces publish it (issue 24): an item's own first self-pay share (NHSA
-- selfpay_prop), and provincial entries (省级目录) that override the national entry field by field for
-- care in that province (就医地目录).
alter table catalog_item add column pre_self_pay_share numeric(5, 4)
    check (pre_self_pay_share >= 0 and pre_self_pay_share <= 1);

create table catalog_region_entry (
    item_code          varchar(64)  not null references catalog_item (item_code),
    province           varchar(2)   not null check (province ~ '^[1-9][0-9]$'),
    category           varchar(24)  check (category in ('A', 'B', 'EXPENSIVE_DRUG', 'SPECIAL_TREATMENT', 'SELF_FUNDED')),
    price_limit        numeric(14, 2) check (price_limit >= 0),
    pre_self_pay_share numeric(5, 4) check (pre_self_pay_share >= 0 and pre_self_pay_share <= 1),
    updated_at         timestamptz  not null,
    primary key (item_code, province)
);
