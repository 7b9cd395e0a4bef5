package cn.medins.reimbursement.visit;

import cn.medins.common.money.NonNegativeAmount;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A batch of fee details (费用明细上传): 1 to 1,000 lines, each keyed by the hospital's {@code lineNo}. */
public record FeeLineUpload(@NotEmpty @Size(max = 1000) List<@Valid @NotNull Line> lines) {

    /**
     * One fee detail: a quantity with up to 4 decimals and a unit price with up to 6, as bills are written;
     * {@code amount}, when sent, must be round(quantity x unitPrice, 2).
     */
    @Schema(name = "FeeLine")
    public record Line(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[!-~]+", message = "must be printable ASCII without spaces")
            String lineNo,
            @NotBlank @Size(max = 64) String itemCode,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000") @Digits(integer = 7, fraction = 4)
            BigDecimal quantity,
            @NotNull @DecimalMin("0") @DecimalMax("100000000") @Digits(integer = 9, fraction = 6) BigDecimal unitPrice,
            @NonNegativeAmount BigDecimal amount,
            @NotNull LocalDate feeDate) {
    }
}
