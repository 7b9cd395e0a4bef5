package cn.medins.reimbursement.settlement;

import cn.medins.common.problem.ProblemException;
import cn.medins.reimbursement.client.AccountGateway;
import cn.medins.reimbursement.client.RemoteCareGateway;
import cn.medins.reimbursement.reference.Institution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;

/**
 * How the care's place is covered: local care, or remote care (异地就医) as remote-care-service covers
 * it. Filed or exempt care is settled directly at a networked institution with the insured region's
 * policy; unfiled care only by a claim, with every ratio lowered by the policy's
 * {@code unfiledRatioReduction}.
 */
@ApplicationScoped
public class RemoteCover {

    static final String CLAIM_NOT_APPLICABLE = "CLAIM_NOT_APPLICABLE";

    @Inject
    RemoteCareGateway remoteCare;

    /** The mode, the filing, and whether the account may pay there. */
    record Cover(SettlementMode mode, Long filingId, boolean accountAllowed, String note) {
        static final Cover LOCAL = new Cover(SettlementMode.LOCAL, null, true, null);
    }

    Cover of(Institution institution, AccountGateway.Eligibility person, LocalDate date, boolean claim) {
        if (institution.isLocalTo(person.insuredRegion())) {
            if (claim) {
                throw ProblemException.rule(CLAIM_NOT_APPLICABLE, "Care at " + institution.name + " is local to the "
                        + "insured region " + person.insuredRegion() + ": it is settled at the counter, not claimed.");
            }
            return Cover.LOCAL;
        }
        RemoteCareGateway.Coverage coverage = remoteCare.coverage(person.personId(), institution.region, date);
        return claim ? claimed(institution, coverage) : direct(institution, person, coverage);
    }

    private static Cover claimed(Institution institution, RemoteCareGateway.Coverage coverage) {
        if (coverage.covered() && institution.remoteNetworked) {
            throw ProblemException.rule(CLAIM_NOT_APPLICABLE, "Care at " + institution.name + " is covered ("
                    + coverage.mode() + ") and the institution is networked: it is settled at the counter.");
        }
        return coverage.covered() ? cover(coverage, "claimed: the institution does not settle remote care directly")
                : new Cover(SettlementMode.REMOTE_UNFILED_CLAIM, null, false, "remote care without a filing, "
                + "claimed with invoices: every ratio lowered by the policy's unfiled reduction");
    }

    private static Cover direct(Institution institution, AccountGateway.Eligibility person,
                                RemoteCareGateway.Coverage coverage) {
        if (!coverage.covered()) {
            throw ProblemException.rule("REMOTE_FILING_REQUIRED", institution.name + " (region " + institution.region
                    + ") is outside the insured region " + person.insuredRegion() + ": " + coverage.reason());
        }
        if (!institution.remoteNetworked) {
            throw ProblemException.rule("INSTITUTION_NOT_NETWORKED", institution.name + " does not settle remote "
                    + "care directly (not 跨省联网): pay in full and claim at the insured region.");
        }
        return cover(coverage, coverage.reason());
    }

    private static Cover cover(RemoteCareGateway.Coverage coverage, String note) {
        SettlementMode mode = "EXEMPT".equals(coverage.mode()) ? SettlementMode.REMOTE_EXEMPT : SettlementMode.REMOTE_FILED;
        return new Cover(mode, coverage.filingId(), coverage.personalAccountEnabled(), mode + ": " + note);
    }
}
