-- 本次可支付限额 (issue 27, NHSA setldetail.crt_payb_lmt_amt): what was left of the yearly cap limiting the
-- pooled fund and the catastrophic insurance before each settlement; null where no cap applied (and for the
-- settlements made before this column)
alter table settlement add column pool_cap_left numeric(14, 2);
alter table settlement add column catastrophic_cap_left numeric(14, 2);
