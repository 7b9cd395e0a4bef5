package cn.medins.reimbursement.visit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the catalogue made of each uploaded line, as the national upload answer gives it: the amount, the
 * category ({@code listed} false: not in the catalogue, all self-funded), and the self-funded (自费),
 * over-limit (超限价), first self-pay (先行自付) and in-scope (政策范围内) parts. {@code repeated}: the line
 * had been uploaded already with this content, and is kept once.
 */
public record FeeLineAnswer(List<Line> lines) {

    @Schema(name = "FeeLineResult")
    public record Line(String lineNo, BigDecimal amount, String category, boolean listed, BigDecimal selfFundedAmount,
                       BigDecimal overLimitAmount, BigDecimal preSelfPayAmount, BigDecimal eligibleAmount,
                       String catalogSource, boolean repeated) {

        static Line of(FeeLine l, boolean repeated) {
            return new Line(l.lineNo, l.amount, l.category, l.category != null, l.selfFundedAmount, l.overLimitAmount,
                    l.preSelfPayAmount, l.eligibleAmount, l.catalogSource, repeated);
        }

        static Line of(FeeLineRepository.NewLine l) {
            return new Line(l.lineNo(), l.amount(), l.category(), l.category() != null, l.selfFunded(), l.overLimit(),
                    l.preSelfPay(), l.eligible(), l.source(), false);
        }
    }

    /** An uploaded line as {@code GET .../fee-lines} lists it; {@code revokedAt} set once revoked. */
    @Schema(name = "StoredFeeLine")
    public record Stored(String lineNo, String itemCode, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount,
                         LocalDate feeDate, String category, boolean listed, BigDecimal selfFundedAmount,
                         BigDecimal overLimitAmount, BigDecimal preSelfPayAmount, BigDecimal eligibleAmount,
                         Instant uploadedAt, Instant revokedAt) {

        static Stored of(FeeLine l) {
            return new Stored(l.lineNo, l.itemCode, l.quantity, l.unitPrice, l.amount, l.feeDate, l.category,
                    l.category != null, l.selfFundedAmount, l.overLimitAmount, l.preSelfPayAmount, l.eligibleAmount,
                    l.uploadedAt, l.revokedAt);
        }
    }
}
