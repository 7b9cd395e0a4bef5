-- Cancellation as a saga: CANCELLING while the account refund is under way (finished by recovery if
-- interrupted), with the key the cancellation came with, completed when it ends.
alter table settlement drop constraint settlement_status_check;
alter table settlement add constraint settlement_status_check
    check (status in ('PENDING', 'COMPLETED', 'CANCELLING', 'CANCELLED', 'FAILED'));
alter table settlement add column cancellation_key varchar(128);
drop index settlement_once_per_visit;
create unique index settlement_once_per_visit on settlement (institution_code, visit_id)
    where status in ('PENDING', 'COMPLETED', 'CANCELLING');
create index settlement_cancelling on settlement (created_at) where status = 'CANCELLING';
