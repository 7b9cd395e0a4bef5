/**
 * 年度累计 (yearly accumulators): what each person has used of the year's quotas (the pooled fund's
 * caps, the outpatient deductible, the catastrophic burden, admissions, each chronic disease's own).
 * State only: {@link cn.medins.reimbursement.accumulator.AccumulatorRepository} creates, locks and
 * changes the rows; settlement takes a {@link cn.medins.reimbursement.accumulator.Usage} and gives it
 * back exactly.
 */
package cn.medins.reimbursement.accumulator;
