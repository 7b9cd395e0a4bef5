package cn.medins.account.account;

import java.math.BigDecimal;

/**
 * A payment from a holder's personal account for a bound relative's resident premium (家庭共济代缴),
 * announced inside the payment's transaction: the premium is recorded by whoever keeps contributions,
 * and if it cannot be (the relative is not a resident, the year is paid), nothing is debited.
 */
public record PremiumPaid(long holderPersonId, long beneficiaryPersonId, int premiumYear, BigDecimal amount,
                          long paymentId) {
}
