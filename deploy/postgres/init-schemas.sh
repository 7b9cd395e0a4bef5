#!/bin/bash
# First start of the compose PostgreSQL: one schema per service, each owned by its own user, who can
# touch nothing else. Flyway (in each service) then creates and evolves the tables.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<EOSQL
revoke create on schema public from public;
create role account_svc login password '${ACCOUNT_DB_PASSWORD}';
create role reimbursement_svc login password '${REIMBURSEMENT_DB_PASSWORD}';
create role remote_care_svc login password '${REMOTE_CARE_DB_PASSWORD}';
create role nhsa_svc login password '${NHSA_DB_PASSWORD}';
create schema account authorization account_svc;
create schema reimbursement authorization reimbursement_svc;
create schema remote_care authorization remote_care_svc;
create schema nhsa authorization nhsa_svc;
revoke all on schema account from public;
revoke all on schema reimbursement from public;
revoke all on schema remote_care from public;
revoke all on schema nhsa from public;
EOSQL
