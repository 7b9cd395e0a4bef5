package cn.medins.reimbursement.settlement;

import cn.medins.reimbursement.calculation.Accumulators;
import cn.medins.reimbursement.calculation.AssistanceUse;
import cn.medins.reimbursement.calculation.ChronicUse;
import cn.medins.reimbursement.calculation.ClassifiedBill;
import cn.medins.reimbursement.calculation.FundBreakdown;
import cn.medins.reimbursement.calculation.SettlementCalculator;
import cn.medins.reimbursement.calculation.SettlementInput;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/** Computes a prepared visit against accumulators and makes the settlement of it, with its trace. */
@ApplicationScoped
public class SettlementFactory {

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    /**
     * The pure calculation (docs/rules.md §5) of the visit against these accumulators: of the request's
     * lines, or of the sums of the lines classified at upload ({@code bill}, null for a whole bill).
     */
    FundBreakdown calculate(PreparedVisit p, Accumulators acc, ChronicUse chronic, AssistanceUse assistance,
                            ClassifiedBill bill) {
        List<SettlementInput.BillLine> lines = p.request().lines().stream()
                .map(l -> new SettlementInput.BillLine(l.itemCode(), l.quantity(), l.unitPrice())).toList();
        SettlementInput in = new SettlementInput(p.document(), p.request().medicalType(),
                p.institution().policyLevel(), lines, p.catalog(), acc, p.person().retired(), p.blockedReason(),
                p.mode() == SettlementMode.REMOTE_UNFILED_CLAIM ? p.document().remote().unfiledRatioReduction() : null,
                p.request().chronicDisease(), chronic, new SettlementInput.AssistanceInput(
                p.person().assistanceCategories(), assistance, p.assistanceWithheld()));
        return bill == null ? SettlementCalculator.calculate(in) : SettlementCalculator.calculate(in, bill);
    }

    /** A new settlement of the visit with this breakdown, its burden in cash until an account pays. */
    Settlement build(PreparedVisit p, FundBreakdown b) {
        SettlementRequest r = p.request();
        Settlement s = new Settlement();
        s.personId = r.personId();
        s.institutionCode = r.institutionCode();
        s.visitId = r.visitId();
        s.medicalType = r.medicalType();
        s.mode = p.mode();
        s.filingId = p.remote().filingId();
        s.insuredRegion = p.person().insuredRegion();
        s.insuranceType = p.person().insuranceType().code();
        s.policyId = p.policy().id;
        s.policyVersion = p.policy().version;
        s.year = p.year();
        s.admissionDate = r.admissionDate();
        s.dischargeDate = r.dischargeDate();
        s.serviceDate = r.serviceDate();
        s.injuryCause = r.cause();
        s.diseaseCode = r.chronicDisease();
        s.chronicMonth = p.chronicMonth();
        s.claim = p.claim();
        s.useAccount = r.useAccount();
        s.familyPayerPersonId = r.familyPayerPersonId();
        s.lines = p.visitRef() == null ? json(r.lines()) : json(java.util.Map.of("visitRef", p.visitRef()));
        s.visitRef = p.visitRef();
        s.paymentReference = Settlement.newPaymentReference();
        s.createdAt = clock.instant();
        s.apply(b);
        explain(p, s);
        return s;
    }

    private static void explain(PreparedVisit p, Settlement s) {
        SettlementRequest r = p.request();
        s.note("policy " + s.insuredRegion + "/" + s.insuranceType + "/" + s.year + " version " + s.policyVersion
                + ", institution " + p.institution().code + " level " + p.institution().policyLevel()
                + (p.person().retired() ? ", retiree" : ""));
        if (p.variants() != null) {
            s.note(p.variants());
        }
        if (p.remote().note() != null) {
            s.note(p.remote().note() + " (insured region's policy, 参保地政策)");
        }
        if (p.claim()) {
            s.note("reimbursement claim (手工报销) for invoices " + String.join(", ", r.invoiceNumbers())
                    + ": the person paid in full; once the agency approves, the fund's part is reimbursed to them");
        } else if (p.wantsAccount() && !p.remote().accountAllowed()) {
            s.note("the personal account may not pay in the destination (异地使用个人账户 not enabled): cash");
        } else if (r.useAccount() && r.familyPayerPersonId() == null && !p.person().hasPersonalAccount()) {
            s.note("residents (390) have no personal account: the burden is paid in cash");
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
