package cn.medins.reimbursement.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.medins.reimbursement.support.HospitalCounter;
import cn.medins.reimbursement.support.TransactionCounter;
import cn.medins.testsupport.TestData;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The saga's transactions, counted, with the settlement made from a test rather than an HTTP request
 * (nothing below the resources needs one): a settlement the account pays opens two (reserve, complete),
 * one paid in cash only one, a cancellation two (start, finish).
 */
@QuarkusTest
class SettlementTransactionsTest {

    @Inject
    SettlementService settlements;

    @Inject
    SettlementCancellation cancellations;

    @Inject
    TransactionCounter transactions;

    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void referenceData() {
        HospitalCounter.setUpReferenceData();
    }

    private SettlementRequest visit(long person, boolean useAccount) {
        Map<String, Object> bill = HospitalCounter.outpatient(person, HospitalCounter.HOSPITAL, "tx-" + TestData.key(),
                "1000");
        bill.put("useAccount", useAccount);
        return mapper.convertValue(bill, SettlementRequest.class);
    }

    @Test
    @ActivateRequestContext
    void theSagaOpensTheSameTransactionsAsBefore() {
        long person = HospitalCounter.employee("1000");

        transactions.reset();
        Settlement paid = settlements.settle(visit(person, true), TestData.key(), false).settlement();
        assertEquals(SettlementStatus.COMPLETED, paid.status);
        assertEquals("800.00", paid.accountPaid.toPlainString());
        assertEquals(2, transactions.onThisThread(), "reserve, then complete after the account paid");

        transactions.reset();
        Settlement cash = settlements.settle(visit(person, false), TestData.key(), false).settlement();
        assertEquals(SettlementStatus.COMPLETED, cash.status);
        assertEquals(1, transactions.onThisThread(), "reserve only: nothing for the account to pay");

        transactions.reset();
        Settlement cancelled = cancellations.cancel(paid.id, TestData.key()).settlement();
        assertEquals(SettlementStatus.CANCELLED, cancelled.status);
        assertEquals(2, transactions.onThisThread(), "start cancelling, then finish after the refund");
    }
}
