package cn.medins.reimbursement.calculation;

import cn.medins.reimbursement.calculation.PolicyDocument.Assistance;
import cn.medins.reimbursement.calculation.PolicyDocument.Band;
import cn.medins.reimbursement.calculation.PolicyDocument.Catastrophic;
import cn.medins.reimbursement.calculation.PolicyDocument.Inpatient;
import cn.medins.reimbursement.calculation.PolicyDocument.Outpatient;
import cn.medins.reimbursement.calculation.PolicyDocument.Variant;
import cn.medins.reimbursement.calculation.PolicyDocument.When;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The checks of a policy document that its annotations cannot express, each problem as "field: message". */
final class PolicyProblems {

    private PolicyProblems() {
    }

    /** What the annotations cannot say: every level present, bands ascending, the last unbounded. */
    static List<String> of(PolicyDocument d) {
        Inpatient inpatient = d.inpatient();
        Outpatient outpatient = d.outpatient();
        Catastrophic catastrophic = d.catastrophic();
        List<Variant> variants = d.variants();
        Assistance assistance = d.assistance();
        Map<String, BigDecimal> preSelfPayShare = d.preSelfPayShare();
        List<String> problems = new java.util.ArrayList<>();
        for (String level : PolicyDocument.LEVELS) {
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
        if (inpatient.repeatAdmissionDeductibleFactor() == null && inpatient.repeatAdmissionDeductibleFactors() == null) {
            problems.add("inpatient.repeatAdmissionDeductibleFactor: required (or repeatAdmissionDeductibleFactors)");
        }
        if (inpatient.repeatAdmissionDeductibleFactor() != null && inpatient.repeatAdmissionDeductibleFactors() != null) {
            problems.add("inpatient.repeatAdmissionDeductibleFactors: give either this list or "
                    + "repeatAdmissionDeductibleFactor, not both");
        }
        if (catastrophic != null) {
            bandProblems("catastrophic.bands", catastrophic.bands(), problems);
        }
        if (variants != null) {
            for (int i = 0; i < variants.size(); i++) {
                When when = variants.get(i).when();
                if (when != null && when.minAge() != null && when.maxAge() != null && when.minAge() > when.maxAge()) {
                    problems.add("variants[" + i + "].when.maxAge: must not be below minAge");
                }
            }
        }
        if (assistance != null) {
            assistanceProblems(assistance, problems);
        }
        for (String category : preSelfPayShare.keySet()) {
            if (!List.of("A", "B", "EXPENSIVE_DRUG", "SPECIAL_TREATMENT").contains(category)) {
                problems.add("preSelfPayShare: '" + category + "' is not A, B, EXPENSIVE_DRUG or SPECIAL_TREATMENT");
            }
        }
        return problems;
    }

    /** Every category the section names is ranked in {@code priority}, once. */
    private static void assistanceProblems(Assistance a, List<String> problems) {
        if (a.priority() == null || a.categories() == null) {
            return;
        }
        if (a.priority().stream().distinct().count() < a.priority().size()) {
            problems.add("assistance.priority: a category is listed twice");
        }
        a.categories().keySet().stream().filter(c -> !a.priority().contains(c)).forEach(c ->
                problems.add("assistance.categories." + c + ": not ranked in assistance.priority"));
        if (a.tilted() != null && a.tilted().categories() != null) {
            a.tilted().categories().stream().filter(c -> !a.priority().contains(c)).forEach(c ->
                    problems.add("assistance.tilted.categories: " + c + " is not ranked in assistance.priority"));
        }
        if (a.catastrophicTilt() != null && a.catastrophicTilt().categories() != null) {
            a.catastrophicTilt().categories().stream().filter(c -> !a.priority().contains(c)).forEach(c -> problems.add(
                    "assistance.catastrophicTilt.categories: " + c + " is not ranked in assistance.priority"));
        }
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
