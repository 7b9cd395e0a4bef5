/**
 * 门诊慢特病认定 (chronic and special outpatient diseases): the agency's registrations of a person's
 * disease, valid from a date, which let a visit of type 14 be paid under the disease's own deductible,
 * ratio and cap. Entry points: {@link cn.medins.reimbursement.chronic.ChronicConditionResource},
 * {@link cn.medins.reimbursement.chronic.ChronicConditionService}.
 */
package cn.medins.reimbursement.chronic;
