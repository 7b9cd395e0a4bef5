package cn.medins.reimbursement.settlement;

import cn.medins.reimbursement.client.AccountGateway;

/**
 * The cover decided at admission (入院时的待遇), kept with the visit until it is settled: whether the
 * funds pay, how the care's place is covered, and what settlement needs of the person as account-service
 * and remote-care-service said that day. Later contributions, filings or registrations do not change it.
 *
 * @param reason why the funds pay nothing (not eligible, no filing, no registration of the disease), or null
 * @param person the person's eligibility on the admission or service date
 * @param accountAllowed whether the personal account may pay where the care is
 * @param remoteNote how remote care is covered, for the trace, or null
 * @param preSelfPayShare the first self-pay shares (先行自付) by category of the policy that applied to the person
 *                        on that date: the visit's fee lines are classified by them as they are uploaded
 */
public record AdmissionCover(boolean eligible, SettlementMode mode, Long filingId, String reason,
                             AccountGateway.Eligibility person, boolean accountAllowed, String remoteNote,
                             java.util.Map<String, java.math.BigDecimal> preSelfPayShare) {

    RemoteCover.Cover remote() {
        return new RemoteCover.Cover(mode, filingId, accountAllowed, remoteNote);
    }
}
