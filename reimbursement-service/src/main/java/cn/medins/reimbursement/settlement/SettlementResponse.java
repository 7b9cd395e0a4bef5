package cn.medins.reimbursement.settlement;

import cn.medins.reimbursement.calculation.MedicalType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** A settlement as docs/api.md names its fields (the NHSA settlement fields in English). */
public record SettlementResponse(
        Long settlementId, SettlementStatus status, SettlementMode mode, Long filingId, long personId,
        String institutionCode, String visitId, MedicalType medicalType, LocalDate admissionDate,
        LocalDate dischargeDate, LocalDate serviceDate, InjuryCause injuryCause, String diseaseCode, int year,
        BigDecimal totalAmount, BigDecimal selfFundedAmount, BigDecimal overLimitAmount, BigDecimal preSelfPayAmount,
        BigDecimal eligibleAmount, BigDecimal deductibleApplied, BigDecimal poolFundPaid, BigDecimal catastrophicPaid,
        BigDecimal poolCapLeft, BigDecimal catastrophicCapLeft, BigDecimal fundPaidTotal, BigDecimal assistancePaid, AssistanceView assistance, BigDecimal personalBurden, BigDecimal accountPaid, BigDecimal familyAccountPaid,
        BigDecimal cashPaid, BigDecimal accountBalanceAfter, Long familyPayerPersonId, String accountPaymentReference,
        List<String> unlistedItems,
        String insuredRegion, String insuranceType, int policyVersion, List<String> trace, Instant createdAt,
        Instant completedAt, Instant cancelledAt, Instant reviewedAt) {

    /** 医疗救助: the category the person was assisted as, and what each stage paid; null when none applied. */
    public record AssistanceView(String category, BigDecimal deductibleApplied, BigDecimal ordinaryPaid,
                                 BigDecimal tiltedPaid) {
        static AssistanceView of(Settlement s) {
            return s.assistanceCategory == null ? null : new AssistanceView(s.assistanceCategory,
                    s.assistanceDeductibleApplied, s.assistanceOrdinaryPaid, s.assistanceTiltedPaid);
        }
    }

    public static SettlementResponse of(Settlement s) {
        return new SettlementResponse(s.id, s.status, s.mode, s.filingId, s.personId, s.institutionCode, s.visitId,
                s.medicalType, s.admissionDate, s.dischargeDate, s.serviceDate, s.injuryCause, s.diseaseCode, s.year, s.totalAmount,
                s.selfFundedAmount, s.overLimitAmount, s.preSelfPayAmount, s.eligibleAmount, s.deductibleApplied,
                s.poolFundPaid, s.catastrophicPaid, s.poolCapLeft, s.catastrophicCapLeft, s.fundPaidTotal, s.assistancePaid, AssistanceView.of(s),
                s.personalBurden, s.accountPaid,
                s.familyAccountPaid, s.cashPaid, s.accountBalanceAfter, s.familyPayerPersonId, s.paymentReference,
                s.unlistedItems.isEmpty() ? List.of() : Arrays.asList(s.unlistedItems.split(",")), s.insuredRegion,
                s.insuranceType, s.policyVersion, s.traceLines(), s.createdAt, s.completedAt, s.cancelledAt,
                s.reviewedAt);
    }
}
