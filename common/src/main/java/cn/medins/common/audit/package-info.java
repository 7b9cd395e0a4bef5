/** The audit trail: who changed what, when, with what outcome; written off the request path, read by the agency. */
package cn.medins.common.audit;
