package cn.medins.account.person;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import cn.medins.account.enrollment.Enrollment;
import cn.medins.account.enrollment.InsuranceType;
import cn.medins.account.enrollment.PersonType;
import cn.medins.common.money.NonNegativeAmount;
import cn.medins.common.money.PositiveAmount;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/** Request bodies of {@code /persons}. */
public final class PersonRequests {

    static final String REGION = "^[1-9]\\d{5}$";
    static final String REGION_MESSAGE = "must be a 6-digit administrative division code (行政区划代码), e.g. 150400";

    private PersonRequests() {
    }

    /** Enrollment (参保); {@code enrolledOn} defaults to today. */
    public record Enrollment(
            @NotBlank String idNumber,
            @NotBlank @Size(max = 100) String name,
            @NotNull InsuranceType insuranceType,
            @NotNull PersonType personType,
            @NotNull @Pattern(regexp = REGION, message = REGION_MESSAGE) String insuredRegion,
            LocalDate enrolledOn) {
    }

    /**
     * Employee: {@code period, individualAmount, employerAmount}; resident: {@code year, amount}.
     * {@code paidOn} defaults to today.
     */
    public record Contribution(
            YearMonth period,
            @NonNegativeAmount BigDecimal individualAmount,
            @NonNegativeAmount BigDecimal employerAmount,
            @Min(2000) @Max(2100) Integer year,
            @PositiveAmount BigDecimal amount,
            LocalDate paidOn,
            @NonNegativeAmount BigDecimal subsidyAmount,
            @Size(max = 64) @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be a code such as CIVIL_AFFAIRS")
            String subsidySource) {
    }

    /** 转移接续 to another insured region. */
    @Schema(name = "TransferRequest")
    public record Transfer(
            @NotNull @Pattern(regexp = REGION, message = REGION_MESSAGE) String toRegion,
            @NotNull LocalDate effectiveOn) {
    }

    /** 在职转退休: the first day the person is retired. */
    @Schema(name = "RetirementRequest")
    public record Retirement(@NotNull LocalDate effectiveOn) {
    }
}
