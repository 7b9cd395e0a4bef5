package cn.medins.reimbursement.calculation;

import java.math.BigDecimal;
import java.util.List;

/**
 * A bill whose lines were classified one by one as they were uploaded (费用明细上传, {@link LineClassifier}),
 * given to the calculation as its sums: the settlement of a visit of 100,000 lines never holds them.
 * The parts hold exactly: {@code total = selfFunded + overLimit + preSelfPay + eligible}.
 *
 * @param categories the sums by catalogue category, for the trace
 * @param unlisted the item codes not in the catalogue (at most a few dozen, for the trace)
 */
public record ClassifiedBill(long lines, BigDecimal total, BigDecimal selfFunded, BigDecimal overLimit,
                             BigDecimal preSelfPay, List<CategorySum> categories, List<String> unlisted) {

    /**
     * The lines of one category (null: not in the catalogue) and their parts.
     */
    public record CategorySum(Category category, long lines, BigDecimal amount, BigDecimal selfFunded,
                              BigDecimal overLimit, BigDecimal preSelfPay, BigDecimal eligible) {
    }

    public BigDecimal eligible() {
        return total.subtract(selfFunded).subtract(overLimit).subtract(preSelfPay);
    }

    /** The sums of these categories' lines. */
    public static ClassifiedBill of(List<CategorySum> categories, List<String> unlisted) {
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        BigDecimal selfFunded = total;
        BigDecimal overLimit = total;
        BigDecimal preSelfPay = total;
        long lines = 0;
        for (CategorySum c : categories) {
            lines += c.lines();
            total = total.add(c.amount());
            selfFunded = selfFunded.add(c.selfFunded());
            overLimit = overLimit.add(c.overLimit());
            preSelfPay = preSelfPay.add(c.preSelfPay());
        }
        return new ClassifiedBill(lines, total, selfFunded, overLimit, preSelfPay, List.copyOf(categories),
                List.copyOf(unlisted));
    }
}
