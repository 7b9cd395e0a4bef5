package cn.medins.reimbursement.visit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The small request bodies of a visit's life: a discharge (出院办理) and a revocation of fee lines (撤销). */
public final class VisitChanges {

    private VisitChanges() {
    }

    /** 出院办理: the discharge date of a stay. */
    @Schema(name = "VisitDischarge")
    public record Discharge(@NotNull LocalDate dischargeDate) {
    }

    /** The lines to revoke by number (1 to 1,000), or all of the visit's when {@code lineNos} is absent. */
    @Schema(name = "FeeLineRevocation")
    public record Revocation(@Size(min = 1, max = 1000) List<@NotBlank @Size(max = 64) String> lineNos) {
    }

    /** How many lines were revoked now (lines already revoked are not counted again). */
    @Schema(name = "FeeLinesRevoked")
    public record Revoked(int revoked) {
    }
}
