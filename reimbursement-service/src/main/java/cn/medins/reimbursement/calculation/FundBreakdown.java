package cn.medins.reimbursement.calculation;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the pooled fund and the catastrophic insurance pay for a bill, and the person's burden.
 * Holds exactly: {@code eligible = total - selfFunded - overLimit - preSelfPay},
 * {@code fundPaidTotal = poolFundPaid + catastrophicPaid} (the insurance funds),
 * {@code personalBurden = total - fundPaidTotal - assistancePaid} (medical assistance, the third payer).
 * {@code used} is what the settlement adds to the yearly accumulators (and a cancellation takes back);
 * {@code chronicUsed} what it adds to its chronic disease's (zero for any other visit).
 * {@code poolCapLeft} and {@code catastrophicCapLeft}: what was left of the yearly cap that limits the pooled
 * fund / catastrophic insurance before this bill (本次可支付限额), null where no cap applied.
 */
public record FundBreakdown(
        BigDecimal totalAmount,
        BigDecimal selfFundedAmount,
        BigDecimal overLimitAmount,
        BigDecimal preSelfPayAmount,
        BigDecimal eligibleAmount,
        BigDecimal deductibleApplied,
        BigDecimal poolFundPaid,
        BigDecimal catastrophicPaid,
        BigDecimal fundPaidTotal,
        BigDecimal personalBurden,
        List<String> unlistedItems,
        List<String> trace,
        Accumulators used,
        ChronicUse chronicUsed,
        BigDecimal assistancePaid,
        AssistancePaid assistance,
        BigDecimal poolCapLeft,
        BigDecimal catastrophicCapLeft) {
}
