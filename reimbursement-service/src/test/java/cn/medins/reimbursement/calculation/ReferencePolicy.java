package cn.medins.reimbursement.calculation;

import cn.medins.reimbursement.calculation.PolicyDocument.Band;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The reference employee policy of docs/rules.md (Chifeng / Luoyang numbers), with two of the reference
 * chronic diseases: dialysis (shares the inpatient cap) and diabetes (does not).
 */
public final class ReferencePolicy {

    private ReferencePolicy() {
    }

    public static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    public static PolicyDocument employee(String repeatFactor) {
        List<Band> bands = List.of(new Band(d("3000"), d("0.88")), new Band(d("5000"), d("0.90")),
                new Band(d("10000"), d("0.92")), new Band(null, d("0.95")));
        return new PolicyDocument(
                new PolicyDocument.Inpatient(Map.of("1", d("200"), "2", d("400"), "3", d("800")), d(repeatFactor),
                        Map.of("1", bands, "2", bands, "3", bands), d("100000")),
                new PolicyDocument.Outpatient(d("600"), d("1800"), Map.of("1", d("0.60"), "2", d("0.55"), "3", d("0.50"))),
                d("0.05"), d("1.00"),
                Map.of("A", d("0"), "B", d("0.20"), "EXPENSIVE_DRUG", d("0.30"), "SPECIAL_TREATMENT", d("0.30")),
                new PolicyDocument.Catastrophic(d("11000"), List.of(new Band(d("100000"), d("0.60")),
                        new Band(null, d("0.70"))), d("400000")),
                new PolicyDocument.Remote(d("0.10")),
                Map.of("DIALYSIS", new PolicyDocument.Chronic("尿毒症透析", d("0"), d("0.90"), d("60000"), true),
                        "DIABETES", new PolicyDocument.Chronic("糖尿病", d("200"), d("0.70"), d("3000"), false)),
                new PolicyDocument.Claims(365));
    }

    public static PolicyDocument employee() {
        return employee("1.0");
    }
}
