package cn.medins.reimbursement.accumulator;

import cn.medins.reimbursement.calculation.Accumulators;
import cn.medins.reimbursement.calculation.AssistanceUse;
import cn.medins.reimbursement.calculation.ChronicUse;

/**
 * What one settlement takes from (or gives back to) a person's year: the yearly quotas, and for a
 * chronic/special outpatient visit (门诊慢特病) the disease's own; {@code month} (1-12) when the
 * disease's deductible is consumed per month, else null; {@code assistance} the medical assistance (医疗救助) it used.
 */
public record Usage(long personId, int year, Accumulators used, String diseaseCode, ChronicUse chronic,
                    Integer month, AssistanceUse assistance) {
}
