package cn.medins.reimbursement.settlement;

import cn.medins.common.money.Money;
import cn.medins.common.problem.ProblemException;
import cn.medins.reimbursement.accumulator.AccumulatorRepository;
import cn.medins.reimbursement.calculation.Accumulators;
import cn.medins.reimbursement.calculation.AssistanceUse;
import cn.medins.reimbursement.calculation.PolicyDocument;
import cn.medins.reimbursement.client.AccountGateway;
import cn.medins.reimbursement.reference.ReferenceDataService;
import cn.medins.reimbursement.settlement.AccumulatorView.Chronic;
import cn.medins.reimbursement.settlement.AccumulatorView.Yearly;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A person's yearly use, with what is left of the caps of the policy that applies to them. */
@ApplicationScoped
public class AccumulatorService {

    @Inject
    AccumulatorRepository store;

    @Inject
    SettlementRepository settlements;

    @Inject
    Clock clock;

    @Inject
    AccountGateway accounts;

    @Inject
    ReferenceDataService reference;

    public Yearly yearly(long personId, int year) {
        Accumulators a = store.read(personId, year);
        Optional<PolicyDocument> policy = policyFor(personId, year);
        BigDecimal inpatientLeft = policy.map(p -> p.inpatient().annualCap().subtract(a.inpatientFundPaid())
                .max(Money.ZERO)).orElse(null);
        BigDecimal outpatientLeft = policy.map(p -> p.outpatient().annualCap().subtract(a.outpatientFundPaid())
                .max(Money.ZERO)).orElse(null);
        Map<String, Chronic> chronic = new LinkedHashMap<>();
        store.chronicYear(personId, year).forEach((code, use) -> chronic.put(code, new Chronic(use.deductibleUsed(),
                use.fundPaid(), policy.flatMap(p -> p.chronicDisease(code))
                .map(d -> d.annualCap().subtract(use.fundPaid()).max(Money.ZERO)).orElse(null))));
        return new Yearly(personId, year, a.inpatientFundPaid(), inpatientLeft, a.outpatientDeductibleUsed(),
                a.outpatientFundPaid(), outpatientLeft, a.catastrophicBurden(), a.catastrophicPaid(), a.admissions(),
                chronic, assistance(personId, year, policy));
    }

    private AccumulatorView.Assistance assistance(long personId, int year, Optional<PolicyDocument> policy) {
        AssistanceUse use = store.assistance(personId, year);
        String category = settlements.lastAssistanceCategory(personId, year).orElse(null);
        BigDecimal capLeft = category == null ? null : policy.map(PolicyDocument::assistance).map(p -> p.categories().get(category))
                .map(rule -> rule.annualCap().subtract(use.paid()).max(Money.ZERO)).orElse(null);
        return new AccumulatorView.Assistance(category, use.deductibleUsed(), use.paid(), use.tiltedDeductibleUsed(),
                use.tiltedPaid(), use.outpatientPaid(), capLeft);
    }

    /** The policy of the person's last settlement that year, else of their enrollment now. */
    private Optional<PolicyDocument> policyFor(long personId, int year) {
        Optional<Settlement> last = settlements.lastOfYear(personId, year);
        String region;
        String type;
        if (last.isPresent()) {
            region = last.get().insuredRegion;
            type = last.get().insuranceType;
        } else {
            LocalDate endOfYear = LocalDate.of(year, 12, 31);
            LocalDate today = LocalDate.now(clock);
            LocalDate date = endOfYear.isBefore(today) ? endOfYear : today;
            AccountGateway.Eligibility person;
            try {
                person = accounts.eligibility(personId, date);
            } catch (ProblemException e) {
                throw ProblemException.notFound("PERSON_NOT_FOUND", "No insured person " + personId + ".");
            }
            region = person.insuredRegion();
            type = person.insuranceType().code();
        }
        return reference.latestPolicy(region, type, year).map(p -> reference.document(p));
    }
}
