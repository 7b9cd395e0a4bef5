package cn.medins.reimbursement.visit;

import cn.medins.reimbursement.calculation.Category;
import cn.medins.reimbursement.calculation.ClassifiedBill;
import cn.medins.reimbursement.calculation.MedicalType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A visit as docs/api.md names its fields: its dates, the cover decided at admission, and the sums of its
 * live fee lines ({@code lineCount}, {@code totalAmount}, and by catalogue category in {@code totals}).
 */
public record VisitResponse(String institutionCode, String visitId, long personId, MedicalType medicalType,
                            VisitStatus status, LocalDate admissionDate, LocalDate serviceDate, LocalDate dischargeDate,
                            String diseaseCode, Cover cover, long lineCount, BigDecimal totalAmount,
                            List<CategoryTotal> totals, Long settlementId, Instant createdAt, Instant updatedAt) {

    /** 入院时的待遇: whether the funds pay, how the care's place is covered, and why not when they do not. */
    @Schema(name = "VisitCover")
    public record Cover(boolean eligible, String mode, Long filingId, String reason) {
    }

    /** The live lines of one catalogue category ({@code listed} false: not in the catalogue). */
    @Schema(name = "VisitCategoryTotal")
    public record CategoryTotal(Category category, boolean listed, long lines, BigDecimal amount,
                                BigDecimal selfFundedAmount, BigDecimal overLimitAmount, BigDecimal preSelfPayAmount,
                                BigDecimal eligibleAmount) {
    }

    static VisitResponse of(Visit v, ClassifiedBill sums) {
        List<CategoryTotal> totals = sums.categories().stream().map(c -> new CategoryTotal(c.category(),
                c.category() != null, c.lines(), c.amount(), c.selfFunded(), c.overLimit(), c.preSelfPay(),
                c.eligible())).toList();
        return new VisitResponse(v.institutionCode, v.visitId, v.personId, v.medicalType, v.status, v.admissionDate,
                v.serviceDate, v.dischargeDate, v.diseaseCode, new Cover(v.coverEligible, v.coverMode, v.coverFilingId,
                v.coverReason), sums.lines(), sums.total(), totals, v.settlementId, v.createdAt, v.updatedAt);
    }
}
