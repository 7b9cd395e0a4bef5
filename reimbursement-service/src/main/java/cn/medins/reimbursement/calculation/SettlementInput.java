package cn.medins.reimbursement.calculation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Everything the calculation needs, already fetched: the policy, the catalog entries of the bill's
 * items (an item missing from the map is unlisted), the bill, the person's yearly accumulators and
 * facts. {@code fundBlockedReason} is non-null when the fund must pay nothing (not eligible on the
 * date, excluded cause), and says why. A chronic/special outpatient visit (14) names its
 * {@code diseaseCode}, which the policy lists, and brings the year's {@code chronicUse} of that disease.
 * {@code assistance}: what medical assistance needs to know of the person.
 */
public record SettlementInput(
        PolicyDocument policy,
        MedicalType medicalType,
        int institutionLevel,
        List<BillLine> lines,
        Map<String, CatalogEntry> catalog,
        Accumulators accumulators,
        boolean retired,
        String fundBlockedReason,
        BigDecimal ratioReduction,
        String diseaseCode,
        ChronicUse chronicUse,
        AssistanceInput assistance) {

    /** Without medical assistance (nobody in hardship, or a policy without the section). */
    public SettlementInput(PolicyDocument policy, MedicalType medicalType, int institutionLevel, List<BillLine> lines,
                           Map<String, CatalogEntry> catalog, Accumulators accumulators, boolean retired,
                           String fundBlockedReason, BigDecimal ratioReduction, String diseaseCode,
                           ChronicUse chronicUse) {
        this(policy, medicalType, institutionLevel, lines, catalog, accumulators, retired, fundBlockedReason,
                ratioReduction, diseaseCode, chronicUse, AssistanceInput.NONE);
    }

    /** Any visit but a chronic/special outpatient one. */
    public SettlementInput(PolicyDocument policy, MedicalType medicalType, int institutionLevel, List<BillLine> lines,
                           Map<String, CatalogEntry> catalog, Accumulators accumulators, boolean retired,
                           String fundBlockedReason, BigDecimal ratioReduction) {
        this(policy, medicalType, institutionLevel, lines, catalog, accumulators, retired, fundBlockedReason,
                ratioReduction, null, ChronicUse.NONE);
    }

    /**
     * 医疗救助: the categories the person holds on the date that decides cover (empty: none), their yearly
     * use of assistance, and why assistance must pay nothing here though it could (remote direct
     * settlement), or null.
     */
    public record AssistanceInput(java.util.Set<String> categories, AssistanceUse use, String withheldReason) {

        public static final AssistanceInput NONE = new AssistanceInput(java.util.Set.of(), AssistanceUse.NONE, null);
    }

    /** One line of the bill. */
    public record BillLine(String itemCode, BigDecimal quantity, BigDecimal unitPrice) {
    }

    /**
     * What the catalogue says of an item where the care is given: its category, optional price limit
     * (限价) and optional own first self-pay share (null: the policy's share for the category), and
     * {@code source}, the catalogue that decided (null: the national one; else the province's, 就医地目录).
     */
    public record CatalogEntry(Category category, BigDecimal priceLimit, BigDecimal preSelfPayShare, String source) {

        public CatalogEntry(Category category, BigDecimal priceLimit) {
            this(category, priceLimit, null, null);
        }
    }
}
