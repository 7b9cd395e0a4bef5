package cn.medins.reimbursement.calculation;

import cn.medins.common.money.NonNegativeAmount;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A region's payment policy for one insurance type and year, as the document of docs/api.md: amounts in
 * yuan, ratios as decimals. Every number here is policy data, never a constant in code.
 */
public record PolicyDocument(
        @NotNull @Valid Inpatient inpatient,
        @NotNull @Valid Outpatient outpatient,
        @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal retireeBonus,
        @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal maxRatio,
        @NotNull Map<String, @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal> preSelfPayShare,
        @Valid Catastrophic catastrophic,
        @Valid Remote remote,
        Map<@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}") String, @Valid @NotNull Chronic> chronic,
        @Valid Claims claims) {

    /** 住院: per-admission deductible (起付线) and banded ratios (分段累进) by institution level. */
    public record Inpatient(
            @NotNull Map<String, @NotNull @NonNegativeAmount BigDecimal> deductibleByLevel,
            @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal repeatAdmissionDeductibleFactor,
            @NotNull Map<String, @NotEmpty List<@Valid @NotNull Band>> bandsByLevel,
            @NotNull @NonNegativeAmount BigDecimal annualCap) {
    }

    /** 门诊统筹: a yearly deductible and cap, one ratio per level. */
    public record Outpatient(
            @NotNull @NonNegativeAmount BigDecimal annualDeductible,
            @NotNull @NonNegativeAmount BigDecimal annualCap,
            @NotNull Map<String, @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal> ratioByLevel) {
    }

    /** 大额/大病保险: above a yearly threshold of the person's in-scope burden. */
    public record Catastrophic(
            @NotNull @NonNegativeAmount BigDecimal threshold,
            @NotEmpty List<@Valid @NotNull Band> bands,
            @NotNull @NonNegativeAmount BigDecimal annualCap) {
    }

    /**
     * 门诊慢特病, one registered disease: a yearly deductible, a ratio, a yearly cap, and whether what
     * it pays also counts in (and is limited by) the inpatient yearly cap.
     */
    public record Chronic(
            @Size(max = 100) String name,
            @NotNull @NonNegativeAmount BigDecimal deductible,
            @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal ratio,
            @NotNull @NonNegativeAmount BigDecimal annualCap,
            @NotNull Boolean sharesInpatientCap) {
    }

    /** 手工报销: how long after the care a claim may still be made. */
    public record Claims(@NotNull @Min(1) @Max(3650) Integer deadlineDays) {
    }

    public Optional<Chronic> chronicDisease(String code) {
        return chronic == null || code == null ? Optional.empty() : Optional.ofNullable(chronic.get(code));
    }

    public record Remote(@NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal unfiledRatioReduction) {
    }

    /** A segment up to {@code upTo} (null: no upper bound), paid at {@code ratio}. */
    public record Band(@NonNegativeAmount BigDecimal upTo, @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal ratio) {
    }

    public static final List<String> LEVELS = List.of("1", "2", "3");

    /** What the annotations cannot say: every level present, bands ascending, the last unbounded. */
    public List<String> problems() {
        List<String> problems = new java.util.ArrayList<>();
        for (String level : LEVELS) {
            if (!inpatient.deductibleByLevel().containsKey(level)) {
                problems.add("inpatient.deductibleByLevel: level " + level + " is missing");
            }
            if (!outpatient.ratioByLevel().containsKey(level)) {
                problems.add("outpatient.ratioByLevel: level " + level + " is missing");
            }
            List<Band> bands = inpatient.bandsByLevel().get(level);
            if (bands == null) {
                problems.add("inpatient.bandsByLevel: level " + level + " is missing");
            } else {
                bandProblems("inpatient.bandsByLevel." + level, bands, problems);
            }
        }
        if (catastrophic != null) {
            bandProblems("catastrophic.bands", catastrophic.bands(), problems);
        }
        for (String category : preSelfPayShare.keySet()) {
            if (!List.of("A", "B", "EXPENSIVE_DRUG", "SPECIAL_TREATMENT").contains(category)) {
                problems.add("preSelfPayShare: '" + category + "' is not A, B, EXPENSIVE_DRUG or SPECIAL_TREATMENT");
            }
        }
        return problems;
    }

    private static void bandProblems(String field, List<Band> bands, List<String> problems) {
        if (bands == null || bands.isEmpty()) {
            return;
        }
        BigDecimal previous = BigDecimal.ZERO;
        for (int i = 0; i < bands.size(); i++) {
            BigDecimal upTo = bands.get(i).upTo();
            boolean last = i == bands.size() - 1;
            if (upTo == null && !last) {
                problems.add(field + "[" + i + "].upTo: only the last band may be unbounded");
            } else if (upTo != null && upTo.compareTo(previous) <= 0) {
                problems.add(field + "[" + i + "].upTo: bounds must increase");
            } else if (upTo != null && last) {
                problems.add(field + "[" + i + "].upTo: the last band must be unbounded (null)");
            }
            previous = upTo == null ? previous : upTo;
        }
    }
}
