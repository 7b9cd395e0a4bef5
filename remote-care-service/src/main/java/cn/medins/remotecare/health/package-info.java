/** Readiness: the database (Quarkus's own check) and, when required, account-service. */
package cn.medins.remotecare.health;
