package cn.medins.account.contribution;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.YearMonth;

/** The wire shapes of {@code /retiree-allocations}. */
public final class RetireeAllocations {

    private RetireeAllocations() {
    }

    /** Credits every active retiree's account for a month. */
    public record RetireeAllocation(@NotNull YearMonth period) {
    }

    /** What one run credited. */
    public record Allocated(YearMonth period, BigDecimal amountEach, int accountsCredited, BigDecimal totalAmount) {

        static Allocated of(ContributionService.AllocationRun run) {
            return new Allocated(run.period(), run.amountEach(), run.accountsCredited(), run.totalAmount());
        }
    }
}
