/** Readiness: the database (Quarkus's own check) and, when required, the downstream services. */
package cn.medins.reimbursement.health;
