package cn.medins.reimbursement.settlement;

import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The wire shapes of a person's yearly accumulators (年度累计), used by resource and service alike. */
public final class AccumulatorView {

    private AccumulatorView() {
    }

    /** Yearly use; the caps come from the person's policy for that year (null when there is none). */
    public record Yearly(long personId, int year, BigDecimal inpatientFundPaid, BigDecimal inpatientCapRemaining,
                         BigDecimal outpatientDeductibleUsed, BigDecimal outpatientFundPaid,
                         BigDecimal outpatientCapRemaining, BigDecimal catastrophicBurden, BigDecimal catastrophicPaid,
                         int admissions, Map<String, Chronic> chronic, Assistance assistance) {
    }

    /**
     * 医疗救助 this year: the category last assisted as (null: none yet), the stage-1 deductible used and
     * what it paid, the tilted stage's (倾斜救助), ordinary outpatient care's share, and what is left of
     * the category's yearly cap (null when the policy has no rule for it).
     */
    @Schema(name = "AssistanceAccumulator")
    public record Assistance(String category, BigDecimal deductibleUsed, BigDecimal paid,
                             BigDecimal tiltedDeductibleUsed, BigDecimal tiltedPaid, BigDecimal outpatientPaid,
                             BigDecimal capRemaining) {
    }

    /**
     * One chronic disease's use this year (门诊慢特病); capRemaining null when the policy does not list it.
     * Its schema keeps the name the published document has always given it ({@code Chronic}; the
     * policy's own chronic-disease rule is {@code Chronic1}).
     */
    @Schema(name = "ChronicAccumulator")
    public record Chronic(BigDecimal deductibleUsed, BigDecimal fundPaid, BigDecimal capRemaining) {
    }
}
