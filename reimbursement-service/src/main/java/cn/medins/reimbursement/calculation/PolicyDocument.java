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
        @Valid Claims claims,
        @Size(max = PolicyDocument.MAX_VARIANTS) List<@Valid @NotNull Variant> variants,
        @Valid Assistance assistance) {

    /** Every set of a policy's variants is checked at PUT (2^8 - 1 merges at most). */
    public static final int MAX_VARIANTS = 8;

    /** A document without medical assistance (every other part as given). */
    public PolicyDocument(Inpatient inpatient, Outpatient outpatient, BigDecimal retireeBonus, BigDecimal maxRatio,
                          Map<String, BigDecimal> preSelfPayShare, Catastrophic catastrophic, Remote remote,
                          Map<String, Chronic> chronic, Claims claims, List<Variant> variants) {
        this(inpatient, outpatient, retireeBonus, maxRatio, preSelfPayShare, catastrophic, remote, chronic, claims,
                variants, null);
    }

    /** A document without variants (every other part as given). */
    public PolicyDocument(Inpatient inpatient, Outpatient outpatient, BigDecimal retireeBonus, BigDecimal maxRatio,
                          Map<String, BigDecimal> preSelfPayShare, Catastrophic catastrophic, Remote remote,
                          Map<String, Chronic> chronic, Claims claims) {
        this(inpatient, outpatient, retireeBonus, maxRatio, preSelfPayShare, catastrophic, remote, chronic, claims, null,
                null);
    }

    /** How a table's band bounds are measured (分段). */
    public enum InpatientBandBasis {
        /** {@code upTo} bounds are amounts above the deductible (the default). */
        ABOVE_DEDUCTIBLE,
        /** {@code upTo} bounds are amounts of the stay's eligible amount: band 1 runs from the deductible. */
        ELIGIBLE_AMOUNT
    }

    /** How catastrophic insurance's band bounds are measured. */
    public enum CatastrophicBandBasis {
        /** {@code upTo} bounds are amounts above the threshold (the default). */
        ABOVE_THRESHOLD,
        /** {@code upTo} bounds are amounts of the year's base: band 1 runs from the threshold. */
        BURDEN
    }

    /** Over which care a chronic disease's deductible is consumed. */
    public enum DeductiblePeriod { YEAR, MONTH, VISIT }

    /** Whether a chronic deductible is taken off the amount in scope or off what the fund pays. */
    public enum DeductibleTiming { BEFORE_RATIO, AFTER_RATIO }

    /** 住院: per-admission deductible (起付线) and banded ratios (分段累进) by institution level. */
    public record Inpatient(
            @NotNull Map<String, @NotNull @NonNegativeAmount BigDecimal> deductibleByLevel,
            @DecimalMin("0") @DecimalMax("1") BigDecimal repeatAdmissionDeductibleFactor,
            @NotNull Map<String, @NotEmpty List<@Valid @NotNull Band>> bandsByLevel,
            @NotNull @NonNegativeAmount BigDecimal annualCap,
            InpatientBandBasis bandBasis,
            @Size(min = 1, max = 20) List<@NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal> repeatAdmissionDeductibleFactors,
            @NonNegativeAmount BigDecimal deductibleFloor) {

        public Inpatient(Map<String, BigDecimal> deductibleByLevel, BigDecimal repeatAdmissionDeductibleFactor,
                         Map<String, List<Band>> bandsByLevel, BigDecimal annualCap) {
            this(deductibleByLevel, repeatAdmissionDeductibleFactor, bandsByLevel, annualCap, null, null, null);
        }

        public InpatientBandBasis basis() {
            return bandBasis == null ? InpatientBandBasis.ABOVE_DEDUCTIBLE : bandBasis;
        }

        /** The factor for the {@code admission}-th admission of the year (1 = the first; the last factor repeats). */
        public BigDecimal factorFor(int admission) {
            if (repeatAdmissionDeductibleFactors != null) {
                return repeatAdmissionDeductibleFactors.get(Math.min(admission, repeatAdmissionDeductibleFactors.size()) - 1);
            }
            return admission == 1 || repeatAdmissionDeductibleFactor == null ? BigDecimal.ONE : repeatAdmissionDeductibleFactor;
        }
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
            @NotNull @NonNegativeAmount BigDecimal annualCap,
            CatastrophicBandBasis bandBasis) {

        public Catastrophic(BigDecimal threshold, List<Band> bands, BigDecimal annualCap) {
            this(threshold, bands, annualCap, null);
        }

        public CatastrophicBandBasis basis() {
            return bandBasis == null ? CatastrophicBandBasis.ABOVE_THRESHOLD : bandBasis;
        }
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
            @NotNull Boolean sharesInpatientCap,
            DeductiblePeriod deductiblePeriod,
            DeductibleTiming deductibleTiming) {

        public Chronic(String name, BigDecimal deductible, BigDecimal ratio, BigDecimal annualCap,
                       Boolean sharesInpatientCap) {
            this(name, deductible, ratio, annualCap, sharesInpatientCap, null, null);
        }

        public DeductiblePeriod period() {
            return deductiblePeriod == null ? DeductiblePeriod.YEAR : deductiblePeriod;
        }

        public DeductibleTiming timing() {
            return deductibleTiming == null ? DeductibleTiming.BEFORE_RATIO : deductibleTiming;
        }
    }

    /** The categories of people in hardship (医疗救助对象) a policy may assist, as account-service names them. */
    public static final String ASSISTANCE_CATEGORY =
            "EXTREME_POVERTY|ORPHAN|SUBSISTENCE|RETURNED_TO_POVERTY|NEAR_SUBSISTENCE|ILLNESS_POVERTY|OTHER";

    /**
     * 医疗救助, the third payer: a person's category is the first of {@code priority} they hold (就高不重复);
     * its rule pays on what they still bear in scope after the two insurance funds, a second tilted
     * stage (倾斜救助) on what is left after that, and the catastrophic tilt changes catastrophic insurance
     * for the listed categories. {@code outpatientAnnualCap}: what ordinary outpatient care (11, 13) may
     * receive a year, within the category's cap.
     */
    public record Assistance(
            @NotEmpty @Size(max = 7) List<@NotNull @Pattern(regexp = ASSISTANCE_CATEGORY) String> priority,
            @NotNull Map<@NotNull @Pattern(regexp = ASSISTANCE_CATEGORY) String, @Valid @NotNull AssistanceRule> categories,
            @NonNegativeAmount BigDecimal outpatientAnnualCap,
            @Valid TiltedAssistance tilted,
            @Valid CatastrophicTilt catastrophicTilt) {

        /** The category this person is assisted as: the first of {@code priority} they hold, or null. */
        public String categoryOf(java.util.Collection<String> held) {
            if (held == null || held.isEmpty()) {
                return null;
            }
            return priority.stream().filter(held::contains).findFirst().orElse(null);
        }

        public boolean tiltsCatastrophic(String category) {
            return category != null && catastrophicTilt != null && catastrophicTilt.categories().contains(category);
        }

        public boolean tilted(String category) {
            return category != null && tilted != null && tilted.categories().contains(category);
        }
    }

    /** One category's assistance: a yearly deductible, a ratio, a yearly cap. */
    public record AssistanceRule(
            @NotNull @NonNegativeAmount BigDecimal deductible,
            @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal ratio,
            @NotNull @NonNegativeAmount BigDecimal annualCap) {
    }

    /** 倾斜救助: a second stage for the listed categories, with its own yearly deductible, ratio and cap. */
    public record TiltedAssistance(
            @NotEmpty List<@NotNull @Pattern(regexp = ASSISTANCE_CATEGORY) String> categories,
            @NotNull @NonNegativeAmount BigDecimal deductible,
            @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal ratio,
            @NotNull @NonNegativeAmount BigDecimal annualCap) {
    }

    /** 大病保险倾斜: for the listed categories, threshold x factor, every band + bonus (at most 1), no cap if removed. */
    public record CatastrophicTilt(
            @NotEmpty List<@NotNull @Pattern(regexp = ASSISTANCE_CATEGORY) String> categories,
            @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal thresholdFactor,
            @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal ratioBonus,
            Boolean removeCap) {

        public boolean removesCap() {
            return Boolean.TRUE.equals(removeCap);
        }
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

    /**
     * 特殊人群: parameters of their own for the persons {@code when} matches, merged over the document
     * (objects key by key; arrays and numbers replace) by the reference data before the calculation.
     */
    public record Variant(@NotNull @Valid When when, @NotNull Map<String, Object> set) {
    }

    /** Whom a variant is for: a person type, an age range in whole years; a missing key matches everyone. */
    public record When(@Pattern(regexp = "IN_SERVICE|RETIRED|FLEXIBLE|RESIDENT") String personType,
                       @Min(0) @Max(200) Integer minAge,
                       @Min(0) @Max(200) Integer maxAge) {

        /** A missing key matches everyone; an age range needs the birth date (whole years on {@code on}). */
        public boolean matches(String type, java.time.LocalDate birthDate, java.time.LocalDate on) {
            if (personType != null && !personType.equals(type)) {
                return false;
            }
            if (minAge == null && maxAge == null) {
                return true;
            }
            if (birthDate == null) {
                return false;
            }
            int age = java.time.Period.between(birthDate, on).getYears();
            return (minAge == null || age >= minAge) && (maxAge == null || age <= maxAge);
        }

        public boolean byAge() {
            return minAge != null || maxAge != null;
        }
    }

    /** The indexes of the variants that apply to this person on this date, in order (empty: none). */
    public List<Integer> variantsFor(String personType, java.time.LocalDate birthDate, java.time.LocalDate on) {
        if (variants == null || variants.isEmpty()) {
            return List.of();
        }
        List<Integer> matching = new java.util.ArrayList<>(variants.size());
        for (int i = 0; i < variants.size(); i++) {
            if (variants.get(i).when().matches(personType, birthDate, on)) {
                matching.add(i);
            }
        }
        return matching;
    }

    public static final List<String> LEVELS = List.of("1", "2", "3");

    /** What the annotations cannot say: every level present, bands ascending, the last unbounded. */
    public List<String> problems() {
        return PolicyProblems.of(this);
    }
}
