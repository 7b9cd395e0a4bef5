/** Readiness of the downstream services a service needs. */
package cn.medins.common.health;
