package cn.medins.reimbursement.settlement;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Business metrics: settlements by mode and outcome, what the fund and the accounts paid. */
@ApplicationScoped
public class SettlementMetrics {

    @Inject
    MeterRegistry metrics;

    /** Counts a settlement as it now is (each change of status counts once, by whoever made it). */
    public void count(Settlement s) {
        metrics.counter("medins_settlements_total", "mode", s.mode.name(), "outcome", s.status.name()).increment();
        if (s.status == SettlementStatus.COMPLETED) {
            metrics.counter("medins_fund_paid_yuan_total", "mode", s.mode.name()).increment(s.fundPaidTotal.doubleValue());
            metrics.counter("medins_settlement_account_paid_yuan_total").increment(
                    s.accountPaid.add(s.familyAccountPaid).doubleValue());
        }
    }
}
