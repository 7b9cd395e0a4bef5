package cn.medins.reimbursement.settlement;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import cn.medins.common.money.NonNegativeAmount;
import cn.medins.reimbursement.calculation.MedicalType;
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

/**
 * A bill to settle (结算), preview or claim: {@code admissionDate}/{@code dischargeDate} for
 * inpatient care (21), {@code serviceDate} otherwise; {@code injuryCause} defaults to ILLNESS.
 * {@code invoiceNumbers} is for reimbursement claims only; {@code diseaseCode} names the registered
 * disease of a chronic/special outpatient visit (14), required there and ignored otherwise.
 */
public record SettlementRequest(
        @NotNull Long personId,
        @NotBlank @Size(max = 32) String institutionCode,
        @NotBlank @Size(max = 64) String visitId,
        @NotNull MedicalType medicalType,
        LocalDate admissionDate,
        LocalDate dischargeDate,
        LocalDate serviceDate,
        InjuryCause injuryCause,
        boolean useAccount,
        Long familyPayerPersonId,
        @NotEmpty @Size(max = 500) List<@Valid @NotNull Line> lines,
        List<@NotBlank @Size(max = 64) String> invoiceNumbers,
        @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}") String diseaseCode) {

    /**
     * One bill line as hospitals write it: a quantity with up to 4 decimals (2.5 g) and a unit price with
     * up to 6 (0.0325 a tablet); its amount is round(quantity x unitPrice, 2), HALF_UP.
     */
    @Schema(name = "BillLine")
    public record Line(
            @NotBlank @Size(max = 64) String itemCode,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000") @Digits(integer = 7, fraction = 4)
            BigDecimal quantity,
            @NotNull @DecimalMin("0") @DecimalMax("100000000") @Digits(integer = 9, fraction = 6) BigDecimal unitPrice) {
    }

    /** The disease a 14 is paid for; null for every other medical type. */
    public String chronicDisease() {
        return medicalType == MedicalType.CHRONIC_OUTPATIENT ? diseaseCode : null;
    }

    public InjuryCause cause() {
        return injuryCause == null ? InjuryCause.ILLNESS : injuryCause;
    }

    /** The date whose year picks the policy and the accumulators. */
    public LocalDate careDate() {
        return medicalType == MedicalType.INPATIENT ? dischargeDate : serviceDate;
    }

    /**
     * The date whose cover counts (入院时的待遇): a stay keeps the cover the person had when admitted,
     * and one admitted without it gets none even if cover starts before discharge.
     */
    public LocalDate coverDate() {
        return medicalType == MedicalType.INPATIENT ? admissionDate : serviceDate;
    }
}
