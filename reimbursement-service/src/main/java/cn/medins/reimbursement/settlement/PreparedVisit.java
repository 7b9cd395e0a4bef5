package cn.medins.reimbursement.settlement;

import cn.medins.reimbursement.calculation.PolicyDocument;
import cn.medins.reimbursement.calculation.SettlementInput;
import cn.medins.reimbursement.client.AccountGateway;
import cn.medins.reimbursement.reference.Institution;
import cn.medins.reimbursement.reference.Policy;
import java.util.Map;

/**
 * A visit admitted to settlement by {@link SettlementAdmission}: what the calculation needs, fetched
 * before any transaction (institution, the person's eligibility, policy, catalog, remote cover).
 *
 * @param blockedReason why the fund pays nothing (an injury cause, not eligible), or null
 * @param document the insured region's policy as it applies to the person (its variants merged)
 * @param variants which of the policy's variants applied, for the trace, or null
 * @param visitRef the admitted visit whose uploaded fee lines are the bill ({@code request.lines()} is then
 *                 empty), or null for a whole bill
 */
record PreparedVisit(SettlementRequest request, Institution institution, AccountGateway.Eligibility person,
                     Policy policy, PolicyDocument document, Map<String, SettlementInput.CatalogEntry> catalog,
                     RemoteCover.Cover remote, String blockedReason, boolean claim, String variants, Long visitRef,
                     java.math.BigDecimal expectedTotal) {

    SettlementMode mode() {
        return remote.mode();
    }

    int year() {
        return request.careDate().getYear();
    }

    /** The month whose deductible a chronic visit uses, when its disease's is consumed per month; else null. */
    Integer chronicMonth() {
        return document.chronicDisease(request.chronicDisease())
                .filter(d -> d.period() == PolicyDocument.DeductiblePeriod.MONTH)
                .map(d -> request.careDate().getMonthValue()).orElse(null);
    }

    /**
     * Why medical assistance pays nothing though the person may hold a category: a remote direct
     * settlement (异地直接结算) covers the two insurance funds only, assistance is claimed at home; else null.
     */
    String assistanceWithheld() {
        boolean direct = mode() == SettlementMode.REMOTE_FILED || mode() == SettlementMode.REMOTE_EXEMPT;
        return direct && !claim ? "remote direct settlement (异地直接结算) covers the insurance funds only; assistance "
                + "is claimed at home (参保地)" : null;
    }

    /** The person asked for an account to pay: their own (employees only) or a bound relative's. */
    boolean wantsAccount() {
        boolean ownAccount = request.useAccount() && person.hasPersonalAccount();
        return request.familyPayerPersonId() != null || ownAccount;
    }

    /** An account pays part of this burden: asked for, allowed where the care is, and not a claim. */
    boolean needsAccount(Settlement s) {
        return s.personalBurden.signum() > 0 && wantsAccount() && remote.accountAllowed() && !claim;
    }
}
