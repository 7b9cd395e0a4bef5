package cn.medins.reimbursement.visit;

import static cn.medins.reimbursement.visit.VisitFlow.line;
import static cn.medins.testsupport.TestData.yuan;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.medins.reimbursement.support.HospitalCounter;
import cn.medins.testsupport.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stay as hospitals settle it: admitted, its fee details uploaded in batches, discharged, pre-settled,
 * settled, cancelled and settled again; against the same bill settled whole by {@code POST /settlements}.
 */
@QuarkusTest
class VisitApiTest {

    private static final String IN = "2026-03-01";
    private static final String OUT = "2026-03-10";

    /** HospitalCounter.hospitalStay's bill as fee lines: 18,500 of which 2,000 self-funded, 300 unlisted, 200 over limit. */
    private static List<Map<String, Object>> stayLines() {
        return List.of(line("1", "A001", "1", "10000", IN), line("2", "B001", "10", "500", "2026-03-02"),
                line("3", "BED", "10", "120", OUT), line("4", "IMPLANT", "1", "2000", "2026-03-05"),
                line("5", "X999", "1", "300", "2026-03-05"));
    }

    private static final List<String> FIGURES = List.of("totalAmount", "selfFundedAmount", "overLimitAmount",
            "preSelfPayAmount", "eligibleAmount", "deductibleApplied", "poolFundPaid", "catastrophicPaid",
            "fundPaidTotal", "assistancePaid", "personalBurden", "accountPaid", "cashPaid", "mode", "year");

    @BeforeEach
    void referenceData() {
        HospitalCounter.setUpReferenceData();
    }

    @Test
    void aStayUploadedInBatchesSettlesToTheCentLikeTheWholeBill() {
        long whole = HospitalCounter.employee("5000");
        JsonPath expected = HospitalCounter.settle(HospitalCounter.hospitalStay(whole, "whole-" + whole))
                .statusCode(201).extract().jsonPath();

        long person = HospitalCounter.employee("5000");
        VisitFlow v = VisitFlow.stay(person, IN);
        v.get().statusCode(200).body("status", equalTo("OPEN")).body("cover.eligible", equalTo(true))
                .body("cover.mode", equalTo("LOCAL")).body("lineCount", equalTo(0));
        List<Map<String, Object>> lines = stayLines();
        v.upload(lines.subList(0, 3)).statusCode(200)
                .body("lines[0].category", equalTo("A")).body("lines[0].eligibleAmount", yuan("10000"))
                .body("lines[1].preSelfPayAmount", notNullValue())
                .body("lines[2].amount", yuan("1200")).body("lines[2].overLimitAmount", yuan("200"));
        v.upload(lines.subList(3, 5)).statusCode(200)
                .body("lines[0].category", equalTo("SELF_FUNDED")).body("lines[0].selfFundedAmount", yuan("2000"))
                .body("lines[1].listed", equalTo(false)).body("lines[1].category", nullValue())
                .body("lines[1].selfFundedAmount", yuan("300"));
        v.settle(true).statusCode(409).body("code", equalTo("NOT_DISCHARGED"));
        v.discharge(OUT).statusCode(200).body("dischargeDate", equalTo(OUT)).body("lineCount", equalTo(5))
                .body("totalAmount", yuan("18500"));

        JsonPath preview = v.preview(true).statusCode(200).body("settlementId", nullValue()).extract().jsonPath();
        JsonPath settled = v.settle(true).statusCode(201).body("status", equalTo("COMPLETED"))
                .body("visitId", equalTo(v.visitId))
                .body("trace", hasItem(containsString("5 uploaded lines")))
                .body("unlistedItems", equalTo(List.of("X999"))).extract().jsonPath();
        for (String figure : FIGURES) {
            assertEquals(expected.getString(figure), settled.getString(figure), figure);
            assertEquals(expected.getString(figure), preview.getString(figure), "preview " + figure);
        }
        v.get().body("status", equalTo("SETTLED")).body("settlementId", equalTo(settled.getInt("settlementId")));

        // settled: the lines are closed; cancelled: open again, and it settles again to the same figures
        v.upload(List.of(line("6", "A001", "1", "1", OUT))).statusCode(409).body("code", equalTo("VISIT_SETTLED"));
        v.revoke(List.of("1")).statusCode(409).body("code", equalTo("VISIT_SETTLED"));
        v.withdraw().statusCode(409).body("code", equalTo("VISIT_SETTLED"));
        HospitalCounter.cancel(settled.getLong("settlementId")).statusCode(200).body("status", equalTo("CANCELLED"));
        v.get().body("status", equalTo("OPEN"));
        JsonPath again = v.settle(true).statusCode(201).extract().jsonPath();
        assertEquals(settled.getString("fundPaidTotal"), again.getString("fundPaidTotal"));
        assertEquals(settled.getString("accountPaid"), again.getString("accountPaid"));
    }

    @Test
    void twentyThousandLinesInTwentyBatchesSettleFromTheirSums() {
        long person = HospitalCounter.employee("0");
        VisitFlow v = VisitFlow.stay(person, IN);
        v.uploadMany(0, 20_000, "2026-03-05");
        v.discharge(OUT).statusCode(200);
        // 10,000 x 1.23 (A) + 10,000 x 9.12 (B)
        BigDecimal total = new BigDecimal("12300.00").add(new BigDecimal("91200.00"));
        v.get().body("lineCount", equalTo(20_000)).body("totalAmount", yuan(total.toPlainString()))
                .body("totals", hasSize(2)).body("totals[0].category", equalTo("A"))
                .body("totals[0].lines", equalTo(10_000)).body("totals[1].amount", yuan("91200"));
        v.settle(false).statusCode(201).body("totalAmount", yuan(total.toPlainString()))
                .body("trace", hasItem(containsString("20000 uploaded lines")))
                .body("trace", hasItem(containsString("category B: 10000 lines, 91,200.00")));
        given().queryParam("limit", 500).get(v.path + "/fee-lines").then().statusCode(200)
                .body("items", hasSize(500)).body("items[0].lineNo", equalTo("L0")).body("nextCursor", notNullValue());
    }

    @Test
    void aLineSentAgainIsKeptOnceAndTheSameNumberWithOtherContentIsRefusedWithNothingStored() {
        long person = HospitalCounter.employee("0");
        VisitFlow v = VisitFlow.stay(person, IN);
        List<Map<String, Object>> lines = stayLines();
        v.upload(lines).statusCode(200);
        v.upload(lines).statusCode(200).body("lines.repeated", everyItemIs(true));
        v.get().body("lineCount", equalTo(5)).body("totalAmount", yuan("18500"));

        v.upload(List.of(line("new", "A001", "1", "5", IN), line("2", "B001", "11", "500", IN))).statusCode(409)
                .body("code", equalTo("FEE_LINE_CONFLICT")).body("violations[0].field", equalTo("lines[1]"))
                .body("detail", containsString("lineNo 2"));
        v.get().body("lineCount", equalTo(5));
        // the same number twice in one batch: once when equal, refused when not
        v.upload(List.of(line("d", "A001", "1", "5", IN), line("d", "A001", "1", "5", IN))).statusCode(200)
                .body("lines[1].repeated", equalTo(true));
        v.upload(List.of(line("e", "A001", "1", "5", IN), line("e", "A001", "2", "5", IN))).statusCode(409)
                .body("code", equalTo("FEE_LINE_CONFLICT"));
        v.get().body("lineCount", equalTo(6));
    }

    /** A stay of the person with the usual lines uploaded, discharged: ready to settle. */
    private static VisitFlow dischargedStay(long person) {
        VisitFlow v = VisitFlow.stay(person, IN);
        v.upload(stayLines()).statusCode(200);
        v.discharge(OUT).statusCode(200);
        return v;
    }

    private static org.hamcrest.Matcher<Iterable<? super Boolean>> everyItemIs(boolean value) {
        return org.hamcrest.Matchers.not(hasItem(!value));
    }

    @Test
    void revokedLinesLeaveTheSumsAndMayBeSentAgainWithOtherContent() {
        long person = HospitalCounter.employee("0");
        VisitFlow v = VisitFlow.stay(person, IN);
        v.upload(stayLines()).statusCode(200);
        v.revoke(List.of("1", "2")).statusCode(200).body("revoked", equalTo(2));
        v.revoke(List.of("1")).statusCode(200).body("revoked", equalTo(0));
        v.revoke(List.of("nope")).statusCode(404).body("code", equalTo("FEE_LINE_NOT_FOUND"));
        v.get().body("lineCount", equalTo(3)).body("totalAmount", yuan("3500"));
        v.upload(List.of(line("1", "A001", "2", "100", IN))).statusCode(200).body("lines[0].repeated", equalTo(false));
        v.get().body("lineCount", equalTo(4)).body("totalAmount", yuan("3700"));
        given().get(v.path + "/fee-lines").then().body("items.find { it.lineNo == '2' }.revokedAt", notNullValue());
        v.revoke(null).statusCode(200).body("revoked", equalTo(4));
        v.get().body("lineCount", equalTo(0));
        v.discharge(OUT).statusCode(200);
        v.settle(false).statusCode(409).body("code", equalTo("NO_FEE_LINES"));
    }

    @Test
    void aTotalTheLinesDoNotMakeIsRefusedAndTheSameKeySettlesOnceTheTotalIsRight() {
        VisitFlow v = dischargedStay(HospitalCounter.employee("0"));
        String total = new BigDecimal(v.get().extract().jsonPath().getString("totalAmount")).setScale(2).toPlainString();
        String wrong = new BigDecimal(total).add(new BigDecimal("0.01")).toPlainString();
        v.settleExpecting("/settlement/preview", wrong, TestData.key()).statusCode(409)
                .body("code", equalTo("TOTAL_MISMATCH"))
                .body("detail", containsString("total " + total + ", not the " + wrong));
        v.settleExpecting("/settlement/preview", total, TestData.key()).statusCode(200);
        String key = TestData.key();
        v.settleExpecting("/settlement", wrong, key).statusCode(409).body("code", equalTo("TOTAL_MISMATCH"));
        v.get().body("status", equalTo("OPEN")); // nothing settled, the key not spent
        v.settleExpecting("/settlement", total, key).statusCode(201);
        v.get().body("status", equalTo("SETTLED"));
    }

    @Test
    void badLinesAreRefusedByLineAndFieldWithNothingStored() {
        long person = HospitalCounter.employee("0");
        VisitFlow v = VisitFlow.stay(person, IN);
        Map<String, Object> good = line("g", "A001", "1", "5", IN);
        // 3 x 0.333 = 0.999, so the amount is 1.00: 0.99 is refused
        java.util.HashMap<String, Object> wrongAmount = new java.util.HashMap<>(line("a", "A001", "3", "0.333", IN));
        wrongAmount.put("amount", new BigDecimal("0.99"));
        v.upload(List.of(good, wrongAmount)).statusCode(400).body("violations[0].field", equalTo("lines[1].amount"));
        v.upload(List.of(good, line("q", "A001", "0", "5", IN))).statusCode(400)
                .body("violations[0].field", equalTo("lines[1].quantity"));
        v.upload(List.of(line("q", "A001", "1.00001", "5", IN))).statusCode(400)
                .body("violations[0].field", equalTo("lines[0].quantity"));
        v.upload(List.of(line("p", "A001", "1", "5.1234567", IN))).statusCode(400)
                .body("violations[0].field", equalTo("lines[0].unitPrice"));
        v.upload(List.of(good, line("f", "A001", "1", "5", "2026-02-28"))).statusCode(400)
                .body("violations[0].field", equalTo("lines[1].feeDate")).body("detail", containsString("lineNo f"));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(line("t" + i, "A001", "1", "1", IN));
        }
        v.upload(tooMany).statusCode(400).body("violations[0].field", equalTo("lines"));
        v.get().body("lineCount", equalTo(0));
        v.upload(List.of(good)).statusCode(200);
        v.discharge("2026-02-27").statusCode(400).body("violations[0].field", equalTo("dischargeDate"));
        v.discharge(IN).statusCode(200);
        v.upload(List.of(line("late", "A001", "1", "5", "2026-03-02"))).statusCode(400)
                .body("violations[0].field", equalTo("lines[0].feeDate"));
        VisitFlow.of(HospitalCounter.HOSPITAL, "no-such-visit").upload(List.of(good)).statusCode(404)
                .body("code", equalTo("VISIT_NOT_FOUND"));
        VisitFlow.of(HospitalCounter.HOSPITAL, "no-such-visit").get().statusCode(404);
    }

    @Test
    void anAdmissionIsOncePerVisitIdAndAWithdrawnOneFreesIt() {
        long person = HospitalCounter.employee("0");
        VisitFlow v = VisitFlow.stay(person, IN);
        v.admit(person, "21", IN).statusCode(409).body("code", equalTo("VISIT_EXISTS"));
        v.upload(stayLines()).statusCode(200);
        v.withdraw().statusCode(200).body("status", equalTo("WITHDRAWN"));
        v.withdraw().statusCode(200).body("status", equalTo("WITHDRAWN"));
        v.upload(stayLines()).statusCode(409).body("code", equalTo("VISIT_WITHDRAWN"));
        v.settle(false).statusCode(409).body("code", equalTo("VISIT_WITHDRAWN"));
        v.admit(person, "21", "2026-03-02").statusCode(201).body("status", equalTo("OPEN"))
                .body("admissionDate", equalTo("2026-03-02")).body("lineCount", equalTo(0));
        v.discharge(IN).statusCode(400);
        VisitFlow outpatient = VisitFlow.of(HospitalCounter.HOSPITAL, "op-" + person);
        outpatient.admit(person, "11", "2026-06-15").statusCode(201);
        outpatient.discharge("2026-06-15").statusCode(409).body("code", equalTo("NOT_INPATIENT"));
        outpatient.upload(List.of(line("1", "A001", "1", "100", "2026-06-16"))).statusCode(400)
                .body("violations[0].field", equalTo("lines[0].feeDate"));
        outpatient.upload(List.of(line("1", "A001", "1", "100", "2026-06-15"))).statusCode(200);
        outpatient.settle(false).statusCode(201).body("medicalType", equalTo("11")).body("totalAmount", yuan("100"));
    }

    /**
     * 入院时的待遇: an employee admitted with no contribution before the month is admitted uncovered; the
     * contributions paid afterwards (补缴) cover a bill settled whole for the same dates, but not the visit.
     */
    @Test
    void theCoverDecidedAtAdmissionDecidesTheSettlement() {
        long person = HospitalCounter.enroll("310", "IN_SERVICE", "150400");
        VisitFlow v = VisitFlow.stay(person, IN);
        v.get().body("cover.eligible", equalTo(false)).body("cover.reason", containsString("NO_CONTRIBUTION"));
        v.upload(stayLines()).statusCode(200);
        v.discharge(OUT).statusCode(200);
        for (int m = 1; m <= 10; m++) {
            HospitalCounter.accountService().header("Idempotency-Key", TestData.key())
                    .body(Map.of("period", String.format("2026-%02d", m), "individualAmount", BigDecimal.ZERO,
                            "employerAmount", new BigDecimal("300")))
                    .post("/persons/" + person + "/contributions").then().statusCode(201);
        }
        HospitalCounter.settle(HospitalCounter.hospitalStay(person, "whole-" + person)).statusCode(201)
                .body("poolFundPaid", org.hamcrest.Matchers.not(yuan("0")));
        v.settle(false).statusCode(201).body("fundPaidTotal", yuan("0")).body("cashPaid", yuan("18500"))
                .body("trace", hasItem(containsString("not covered at admission")));
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheSameSettlementOnce() {
        long person = HospitalCounter.employee("5000");
        VisitFlow v = dischargedStay(person);
        String key = TestData.key();
        int first = v.settle(true, key).statusCode(201).extract().path("settlementId");
        v.settle(true, key).statusCode(201).body("settlementId", equalTo(first));
        v.settle(true).statusCode(409).body("code", equalTo("VISIT_SETTLED"));
        HospitalCounter.settle(HospitalCounter.hospitalStay(person, v.visitId)).statusCode(409)
                .body("code", equalTo("ALREADY_SETTLED"));
    }
}
