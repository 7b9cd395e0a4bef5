/**
 * 对账与清算 (reconciliation and clearing with institutions): a day's totals and details checked
 * against the institution's (3201/3202 in the national interface), the month's statements per
 * institution (DRAFT, CONFIRMED, PAID), and the fund report. Entry points:
 * {@link cn.medins.reimbursement.clearing.ReconciliationResource},
 * {@link cn.medins.reimbursement.clearing.ClearingResource},
 * {@link cn.medins.reimbursement.clearing.FundReportResource}; days and months are
 * {@link cn.medins.reimbursement.clearing.ClearingCalendar}'s, in the business zone.
 */
package cn.medins.reimbursement.clearing;
