package cn.medins.reimbursement.calculation;

import cn.medins.common.money.Money;
import cn.medins.reimbursement.calculation.SettlementInput.BillLine;
import cn.medins.reimbursement.calculation.SettlementInput.CatalogEntry;
import java.math.BigDecimal;
import java.util.Map;

/**
 * What the catalogue makes of one bill line (docs/rules.md §5 steps 1-3): its amount, and the parts of it
 * that are self-funded (自费: not listed, or 丙类), over the price limit (超限价), first self-paid
 * (先行自付, the category's or the item's own share) and in scope (政策范围内). The settlement of a whole
 * bill and the upload of a fee line (费用明细上传) both use it, so that both answer alike to the cent.
 */
public final class LineClassifier {

    private LineClassifier() {
    }

    /**
     * One line classified.
     *
     * @param category null when the item is not in the catalogue
     * @param share the first self-pay share applied (zero for self-funded lines)
     */
    public record ClassifiedLine(BigDecimal amount, Category category, BigDecimal selfFunded, BigDecimal overLimit,
                                 BigDecimal preSelfPay, BigDecimal share) {

        public boolean fullySelfFunded() {
            return category == null || category == Category.SELF_FUNDED;
        }

        /**
         * The in-scope part (政策范围内); computed when asked, not per line of every bill: the calculation of
         * a whole bill subtracts the sums once instead.
         */
        public BigDecimal eligible() {
            return amount.subtract(selfFunded).subtract(overLimit).subtract(preSelfPay);
        }
    }

    /** The line's amount: round(quantity x unitPrice, 2), HALF_UP. */
    public static BigDecimal amount(BigDecimal quantity, BigDecimal unitPrice) {
        return Money.of(quantity.multiply(unitPrice));
    }

    /**
     * Classifies {@code line} by its catalogue {@code entry} (null: not listed) with the policy's first
     * self-pay shares by category.
     */
    public static ClassifiedLine classify(BillLine line, CatalogEntry entry, Map<String, BigDecimal> shares) {
        BigDecimal amount = amount(line.quantity(), line.unitPrice());
        if (entry == null || entry.category() == Category.SELF_FUNDED) {
            return new ClassifiedLine(amount, entry == null ? null : entry.category(), amount, Money.ZERO, Money.ZERO,
                    BigDecimal.ZERO);
        }
        BigDecimal over = overLimit(line, entry, amount);
        BigDecimal share = entry.preSelfPayShare() != null ? entry.preSelfPayShare()
                : shares.getOrDefault(entry.category().name(), BigDecimal.ZERO);
        BigDecimal pre = Money.of(amount.subtract(over).multiply(share));
        return new ClassifiedLine(amount, entry.category(), Money.ZERO, over, pre, share);
    }

    /** 超限价自费: the part of the unit price above the catalog's limit, never more than the amount. */
    private static BigDecimal overLimit(BillLine line, CatalogEntry entry, BigDecimal amount) {
        if (entry.priceLimit() == null || line.unitPrice().compareTo(entry.priceLimit()) <= 0) {
            return Money.ZERO;
        }
        BigDecimal over = Money.of(line.quantity().multiply(line.unitPrice().subtract(entry.priceLimit())));
        return over.min(amount);
    }
}
