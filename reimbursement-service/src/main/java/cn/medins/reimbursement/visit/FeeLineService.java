package cn.medins.reimbursement.visit;

import cn.medins.common.lock.HoldsWriterSlot;
import cn.medins.common.money.Money;
import cn.medins.common.problem.ProblemException;
import cn.medins.reimbursement.calculation.LineClassifier;
import cn.medins.reimbursement.calculation.SettlementInput.BillLine;
import cn.medins.reimbursement.calculation.SettlementInput.CatalogEntry;
import cn.medins.reimbursement.reference.CatalogService;
import cn.medins.reimbursement.reference.ReferenceDataService;
import cn.medins.reimbursement.settlement.AdmittedVisit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 费用明细上传 and 撤销: a batch is checked whole, classified by the catalogue of the treatment institution's
 * province and the first self-pay shares stored at admission, and written in one statement, all under the
 * visit's lock, so that a settlement either sums a batch whole or makes it wait and refuse it.
 */
@ApplicationScoped
public class FeeLineService {

    @Inject
    VisitService visits;

    @Inject
    FeeLineRepository lines;

    @Inject
    CatalogService catalog;

    @Inject
    ReferenceDataService reference;

    @Inject
    Clock clock;

    /** Stores the batch's new lines; a line sent again is answered as stored; a number with other content is 409. */
    @HoldsWriterSlot
    @Transactional
    public FeeLineAnswer upload(String institutionCode, String visitId, FeeLineUpload body) {
        Visit v = visits.open(institutionCode, visitId);
        List<FeeLineUpload.Line> batch = body.lines();
        check(v, batch, LocalDate.now(clock));
        Set<String> numbers = new LinkedHashSet<>();
        Set<String> items = new LinkedHashSet<>();
        batch.forEach(l -> {
            numbers.add(l.lineNo());
            items.add(l.itemCode());
        });
        Map<String, FeeLine> stored = lines.byNumber(v.id, numbers);
        AdmittedVisit admitted = visits.admitted(v);
        Map<String, CatalogEntry> entries = catalog.entries(items, province(v));
        Map<String, BigDecimal> shares = admitted.cover().preSelfPayShare();
        Map<String, FeeLineUpload.Line> sent = new HashMap<>();
        List<FeeLineRepository.NewLine> fresh = new ArrayList<>();
        List<FeeLineAnswer.Line> answer = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            FeeLineUpload.Line l = batch.get(i);
            FeeLine known = stored.get(l.lineNo());
            FeeLineUpload.Line earlier = sent.putIfAbsent(l.lineNo(), l);
            if (known != null && known.live()) {
                refuseOther("lines[" + i + "]", l, known.sameAs(l), known.describe());
                answer.add(FeeLineAnswer.Line.of(known, true));
            } else if (earlier != null) {
                refuseOther("lines[" + i + "]", l, same(earlier, l), "earlier in this batch: " + earlier.itemCode());
                FeeLineAnswer.Line first = answer.get(batch.indexOf(earlier));
                answer.add(new FeeLineAnswer.Line(first.lineNo(), first.amount(), first.category(), first.listed(),
                        first.selfFundedAmount(), first.overLimitAmount(), first.preSelfPayAmount(),
                        first.eligibleAmount(), first.catalogSource(), true));
            } else {
                FeeLineRepository.NewLine n = classify(l, entries.get(l.itemCode()), shares);
                fresh.add(n);
                answer.add(FeeLineAnswer.Line.of(n));
            }
        }
        Instant now = clock.instant();
        lines.write(v.id, fresh, now);
        v.updatedAt = now;
        return new FeeLineAnswer(answer);
    }

    /** Revokes the named lines (all when {@code lineNos} is null); an unknown number revokes nothing (404). */
    @HoldsWriterSlot
    @Transactional
    public int revoke(String institutionCode, String visitId, List<String> lineNos) {
        Visit v = visits.open(institutionCode, visitId);
        if (lineNos != null) {
            List<String> unknown = lines.unknown(v.id, lineNos);
            if (!unknown.isEmpty()) {
                throw VisitProblems.lineNotFound(unknown.subList(0, Math.min(unknown.size(), 10)));
            }
        }
        Instant now = clock.instant();
        int revoked = lines.revoke(v.id, lineNos, now);
        v.updatedAt = now;
        return revoked;
    }

    public List<FeeLine> page(Visit v, Long afterId, int limit) {
        return lines.page(v.id, afterId, limit);
    }

    private String province(Visit v) {
        return reference.findInstitution(v.institutionCode).map(i -> i.region.substring(0, 2))
                .orElseThrow(() -> new IllegalStateException("institution " + v.institutionCode + " vanished"));
    }

    private static FeeLineRepository.NewLine classify(FeeLineUpload.Line l, CatalogEntry entry,
                                                      Map<String, BigDecimal> shares) {
        LineClassifier.ClassifiedLine c = LineClassifier.classify(new BillLine(l.itemCode(), l.quantity(),
                l.unitPrice()), entry, shares);
        return new FeeLineRepository.NewLine(l.lineNo(), l.itemCode(), l.quantity(), l.unitPrice(), c.amount(),
                l.feeDate(), c.category() == null ? null : c.category().name(), c.selfFunded(), c.overLimit(),
                c.preSelfPay(), c.eligible(), entry == null ? null : entry.source());
    }

    private static boolean same(FeeLineUpload.Line a, FeeLineUpload.Line b) {
        return a.itemCode().equals(b.itemCode()) && a.quantity().compareTo(b.quantity()) == 0
                && a.unitPrice().compareTo(b.unitPrice()) == 0 && a.feeDate().equals(b.feeDate());
    }

    private static void refuseOther(String field, FeeLineUpload.Line l, boolean same, String stored) {
        if (!same) {
            throw VisitProblems.lineConflict(field, l.lineNo(), stored);
        }
    }

    /** The whole batch is checked before anything is written: amounts as sent, and dates within the stay. */
    private static void check(Visit v, List<FeeLineUpload.Line> batch, LocalDate today) {
        for (int i = 0; i < batch.size(); i++) {
            FeeLineUpload.Line l = batch.get(i);
            String at = "lines[" + i + "]";
            BigDecimal amount = LineClassifier.amount(l.quantity(), l.unitPrice());
            if (amount.compareTo(Money.ABSURD) > 0) {
                throw ProblemException.invalid(at, "lineNo " + l.lineNo() + " amounts to more than " + Money.ABSURD);
            }
            if (l.amount() != null && l.amount().compareTo(amount) != 0) {
                throw ProblemException.invalid(at + ".amount", "lineNo " + l.lineNo() + ": " + l.amount()
                        + " is not round(quantity x unitPrice, 2) = " + amount);
            }
            String outside = outside(v, l.feeDate(), today);
            if (outside != null) {
                throw ProblemException.invalid(at + ".feeDate", "lineNo " + l.lineNo() + ": " + outside);
            }
        }
    }

    private static String outside(Visit v, LocalDate feeDate, LocalDate today) {
        if (!v.inpatient()) {
            return feeDate.equals(v.serviceDate) ? null : "must be the visit's service date " + v.serviceDate;
        }
        if (feeDate.isBefore(v.admissionDate)) {
            return "is before the admission date " + v.admissionDate;
        }
        if (v.dischargeDate != null && feeDate.isAfter(v.dischargeDate)) {
            return "is after the discharge date " + v.dischargeDate;
        }
        return feeDate.isAfter(today) ? "cannot be in the future" : null;
    }
}
