-- Premiums paid by a relative's account (家庭共济代缴, issue 25): the payment of the holder's personal
-- account that paid a resident's premium, so that its refund removes the premium, and who paid.
alter table contribution add column paid_by_person_id bigint references person (id);
alter table contribution add column payment_id bigint unique references payment (id);
