package cn.medins.account.account;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import cn.medins.account.family.Relation;
import cn.medins.common.money.PositiveAmount;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Request bodies of {@code /accounts}. */
public final class AccountRequests {

    private AccountRequests() {
    }

    /**
     * A payment from the account; {@code reference} is the caller's (e.g. the settlement), unique per
     * account; {@code allowPartial} pays what the balance has and reports the shortfall.
     */
    @Schema(name = "PaymentRequest")
    public record Payment(
            @NotNull @PositiveAmount BigDecimal amount,
            @NotNull PaymentPurpose purpose,
            Long beneficiaryPersonId,
            @NotBlank @Size(max = 128) String reference,
            boolean allowPartial,
            @Min(2000) @Max(2100) Integer premiumYear) {

        public Payment(BigDecimal amount, PaymentPurpose purpose, Long beneficiaryPersonId, String reference,
                       boolean allowPartial) {
            this(amount, purpose, beneficiaryPersonId, reference, allowPartial, null);
        }
    }

    /**
     * The member is named by ID number and name, both matching one insured person; agency staff may
     * name them by {@code memberPersonId} instead, an insured person may not.
     */
    @Schema(name = "FamilyMemberBinding")
    public record FamilyMember(Long memberPersonId, @Size(max = 18) String memberIdNumber,
                               @Size(max = 100) String memberName, @NotNull Relation relation) {
    }

    /** {@code reason} is free text on purpose: anything but the three allowed reasons is refused by rule. */
    @Schema(name = "ClosureRequest")
    public record Closure(@NotBlank @Size(max = 64) String reason, @NotBlank @Size(max = 200) String payee) {
    }

    public record Status(@NotNull AccountStatus status) {
    }
}
