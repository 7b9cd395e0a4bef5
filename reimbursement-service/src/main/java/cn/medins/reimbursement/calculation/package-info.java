/**
 * 结算计算 (the settlement calculation): the pure engine of docs/rules.md §5. Given a policy document,
 * a bill, the catalog entries and the person's yearly accumulators, {@link
 * cn.medins.reimbursement.calculation.SettlementCalculator#calculate} returns the fund breakdown
 * (起付线, 统筹基金, 大病保险, 个人负担) and its trace. No Quarkus, no database, no HTTP: an
 * architecture test keeps it so.
 */
package cn.medins.reimbursement.calculation;
