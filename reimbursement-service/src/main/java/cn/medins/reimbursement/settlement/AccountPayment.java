package cn.medins.reimbursement.settlement;

import cn.medins.common.downstream.DownstreamUnavailableException;
import cn.medins.reimbursement.calculation.MedicalType;
import cn.medins.reimbursement.client.AccountGateway.PaymentOutcome;
import cn.medins.reimbursement.client.AccountGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The saga's remote steps on account-service (个人账户): pay the burden, refund it, find a payment
 * again. Keys and references derive from the settlement's payment reference, so that no retry pays
 * or refunds twice.
 */
@ApplicationScoped
public class AccountPayment {

    private static final Logger LOG = Logger.getLogger(AccountPayment.class);

    @Inject
    AccountGateway accounts;

    /** Pays the burden from the person's (or the bound relative's) account, as much as it holds. */
    PaymentOutcome pay(Settlement s) {
        return accounts.pay(s.payerPersonId(), s.personalBurden, purpose(s.medicalType),
                s.familyPayerPersonId == null ? null : s.personId, s.paymentReference, "pay-" + s.paymentReference);
    }

    /** The refund of the settlement's account payment, if there was one; an earlier refund counts as done. */
    void refund(Settlement s) {
        if (s.accountPaymentId != null) {
            accounts.refund(s.payerPersonId(), s.accountPaymentId, "refund-" + s.paymentReference);
        }
    }

    /**
     * Refunds a payment that arrived after recovery had voided its settlement (a payment slower than
     * {@code reimbursement.recovery.pending-age}); if account-service does not answer, it is logged
     * for the agency, since the voided settlement will not be looked at again.
     */
    void refundLate(Settlement voided, long paymentId) {
        try {
            accounts.refund(voided.payerPersonId(), paymentId, "refund-" + voided.paymentReference);
        } catch (RuntimeException e) {
            LOG.errorf("Payment %d of voided settlement %d could not be refunded (%s): refund it by hand", paymentId,
                    voided.id, e.getMessage());
        }
    }

    /** The payment made for the settlement's reference and not refunded, if account-service has one. */
    Optional<AccountGateway.Payment> madeFor(Settlement s) {
        return accounts.paymentFor(s.payerPersonId(), s.paymentReference).filter(p -> !p.refunded());
    }

    /** 预结算: what the account would pay now, noted on the preview; never a payment. */
    void estimate(Settlement s) {
        try {
            accounts.account(s.payerPersonId()).ifPresentOrElse(a -> {
                BigDecimal paid = a.balance().min(s.personalBurden);
                s.paidFromAccount(paid, a.balance().subtract(paid), null);
                s.note("preview: the account (balance " + a.balance() + ") would pay " + paid);
            }, () -> s.note("preview: person " + s.payerPersonId() + " has no personal account"));
        } catch (DownstreamUnavailableException e) {
            s.note("preview: account-service did not answer; the account part is not estimated");
        }
    }

    static String purpose(MedicalType type) {
        return switch (type) {
            case INPATIENT -> "INPATIENT_SELF_PAY";
            case EMERGENCY -> "EMERGENCY";
            case PHARMACY -> "PHARMACY";
            default -> "OUTPATIENT";
        };
    }
}
