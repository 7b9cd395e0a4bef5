package cn.medins.reimbursement.settlement;

import static cn.medins.testsupport.TestData.yuan;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.medins.reimbursement.support.HospitalCounter;
import cn.medins.testsupport.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Settle -> account debited -> cancel -> refunded, with the real account-service beside it. */
@QuarkusTest
class SettlementRoundTripTest {

    @BeforeEach
    void referenceData() {
        HospitalCounter.setUpReferenceData();
    }

    @Test
    void settleDebitsTheAccountAndCancelRefundsItAndReturnsTheQuotas() {
        long person = HospitalCounter.employee("1000.00");
        var settled = HospitalCounter.settle(HospitalCounter.hospitalStay(person, "stay-" + person)).statusCode(201)
                .body("status", equalTo("COMPLETED"))
                .body("mode", equalTo("LOCAL"))
                .body("totalAmount", yuan("18500"))
                .body("selfFundedAmount", yuan("2300"))
                .body("overLimitAmount", yuan("200"))
                .body("preSelfPayAmount", yuan("1000"))
                .body("eligibleAmount", yuan("15000"))
                .body("deductibleApplied", yuan("800"))
                .body("poolFundPaid", yuan("13030"))
                .body("catastrophicPaid", yuan("0"))
                .body("fundPaidTotal", yuan("13030"))
                .body("personalBurden", yuan("5470"))
                .body("accountPaid", yuan("1000"))
                .body("familyAccountPaid", yuan("0"))
                .body("cashPaid", yuan("4470"))
                .body("accountBalanceAfter", yuan("0"))
                .body("policyVersion", equalTo(2))
                .body("unlistedItems", hasItem("X999"))
                .body("trace", hasItem("  3,000.00 to 5,000.00: 2,000.00 x 90% = 1,800.00"))
                .extract();
        int id = settled.path("settlementId");
        assertEquals("0.00", HospitalCounter.balance(person));
        HospitalCounter.accountService().queryParam("reference", settled.path("accountPaymentReference").toString())
                .get("/accounts/" + person + "/payments")
                .then().body("items[0].paidAmount", yuan("1000"));
        HospitalCounter.accumulators(person, 2026).body("inpatientFundPaid", yuan("13030"))
                .body("inpatientCapRemaining", yuan("86970")).body("catastrophicBurden", yuan("1970"))
                .body("admissions", equalTo(1));

        HospitalCounter.cancel(id).statusCode(200).body("status", equalTo("CANCELLED"))
                .body("trace", hasItem(containsString("cancelled")));
        assertEquals("1000.00", HospitalCounter.balance(person));
        HospitalCounter.accumulators(person, 2026).body("inpatientFundPaid", yuan("0")).body("catastrophicBurden", yuan("0"))
                .body("admissions", equalTo(0)).body("inpatientCapRemaining", yuan("100000"));
        HospitalCounter.cancel(id).statusCode(409).body("code", equalTo("ALREADY_CANCELLED"));
        assertEquals("1000.00", HospitalCounter.balance(person));

        // a cancelled visit may be settled again
        HospitalCounter.settle(HospitalCounter.hospitalStay(person, "stay-" + person)).statusCode(201);
    }

    @Test
    void aStayCancelledAndSettledAgainIsNotPaidTheCatastrophicTopUpTwice() {
        long person = HospitalCounter.employee("0");
        // A, 120,000 eligible at level 3: 800 deductible, 112,780 by the bands, capped at 100,000;
        // catastrophic base 20,000 -> (20,000 - 11,000) x 60% = 5,400
        int a = HospitalCounter.settle(HospitalCounter.bigStay(person, "A-" + person, "120000", "2026-03-02")).statusCode(201)
                .body("poolFundPaid", yuan("100000")).body("catastrophicPaid", yuan("5400"))
                .extract().path("settlementId");
        // B, 10,000: nothing left of the inpatient cap, base 10,000 -> 30,000: 19,000 x 60% = 11,400 - 5,400 = 6,000
        HospitalCounter.settle(HospitalCounter.bigStay(person, "B-" + person, "10000", "2026-04-06")).statusCode(201)
                .body("poolFundPaid", yuan("0")).body("catastrophicPaid", yuan("6000"));
        HospitalCounter.cancel(a).statusCode(200);
        HospitalCounter.accumulators(person, 2026).body("catastrophicBurden", yuan("10000"))
                .body("catastrophicPaid", yuan("6000"));
        // A again: base 30,000 owes 11,400, of which B holds 6,000: 5,400 (the old rule paid 11,400 - 0)
        HospitalCounter.settle(HospitalCounter.bigStay(person, "A-" + person, "120000", "2026-03-02")).statusCode(201)
                .body("poolFundPaid", yuan("100000")).body("catastrophicPaid", yuan("5400"));
        HospitalCounter.accumulators(person, 2026).body("catastrophicBurden", yuan("30000"))
                .body("catastrophicPaid", yuan("11400")).body("inpatientFundPaid", yuan("100000"));
    }

    @Test
    void retireeRatiosApplyFromTheRetirementDate() {
        long person = HospitalCounter.employee("0"); // contributions Jan-Oct 2026
        HospitalCounter.accountService().header("Idempotency-Key", TestData.key()).body(Map.of("effectiveOn", "2026-11-01"))
                .post("/persons/" + person + "/retirement").then().statusCode(201);
        Map<String, Object> before = HospitalCounter.outpatient(person, HospitalCounter.HOSPITAL, "rt1-" + person, "1600");
        before.put("serviceDate", "2026-10-15");
        // level 3: 600 yearly deductible, 1,000 x 50% = 500 (in service)
        HospitalCounter.settle(before).statusCode(201).body("poolFundPaid", yuan("500"));
        Map<String, Object> after = HospitalCounter.outpatient(person, HospitalCounter.HOSPITAL, "rt2-" + person, "1000");
        after.put("serviceDate", "2026-11-15");
        // 1,000 x (50% + 5% retiree bonus) = 550
        HospitalCounter.settle(after).statusCode(201).body("poolFundPaid", yuan("550"))
                .body("trace", hasItem(containsString("retiree")));
    }

    @Test
    void aVisitIsSettledOnceAndAKeyReplays() {
        long person = HospitalCounter.employee("100.00");
        Map<String, Object> bill = HospitalCounter.outpatient(person, HospitalCounter.HOSPITAL, "v-" + person, "1000");
        bill.put("useAccount", true);
        String key = TestData.key();
        int id = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(bill).post("/settlements")
                .then().statusCode(201).extract().path("settlementId");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(bill).post("/settlements")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("settlementId", equalTo(id));
        HospitalCounter.settle(bill).statusCode(409).body("code", equalTo("ALREADY_SETTLED"));
        bill.put("visitId", "other-" + person);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(bill).post("/settlements")
                .then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        assertEquals("0.00", HospitalCounter.balance(person)); // 100 paid once of a 1,000.00 burden
    }

    @Test
    void anOutpatientVisitConsumesTheYearlyDeductible() {
        long person = HospitalCounter.employee("0");
        // level 3: 1,000 eligible, 600 yearly deductible, 400 x 50% = 200
        HospitalCounter.settle(HospitalCounter.outpatient(person, HospitalCounter.HOSPITAL, "o1-" + person, "1000")).statusCode(201)
                .body("deductibleApplied", yuan("600")).body("poolFundPaid", yuan("200"))
                .body("cashPaid", yuan("800")).body("accountPaid", yuan("0"));
        // PRIMARY counts as level 1: no deductible left, 1,000 x 60%
        HospitalCounter.settle(HospitalCounter.outpatient(person, HospitalCounter.PRIMARY, "o2-" + person, "1000")).statusCode(201)
                .body("deductibleApplied", yuan("0")).body("poolFundPaid", yuan("600"));
        HospitalCounter.accumulators(person, 2026).body("outpatientDeductibleUsed", yuan("600"))
                .body("outpatientFundPaid", yuan("800")).body("outpatientCapRemaining", yuan("1000"));
        given().queryParam("personId", person).queryParam("year", 2026).get("/settlements").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("items[0].visitId", equalTo("o2-" + person));
    }

    @Test
    void anIneligiblePersonGetsNothingFromTheFundButTheAccountMayPay() {
        long person = HospitalCounter.enroll("310", "IN_SERVICE", "150400"); // never contributed
        Map<String, Object> bill = HospitalCounter.outpatient(person, HospitalCounter.HOSPITAL, "inel-" + person, "100");
        bill.put("useAccount", true);
        HospitalCounter.settle(bill).statusCode(201).body("fundPaidTotal", yuan("0")).body("personalBurden", yuan("100"))
                .body("cashPaid", yuan("100"))
                .body("trace", hasItem(containsString("not eligible")));
    }

    @Test
    void anExcludedInjuryCauseIsPaidByNoFund() {
        long person = HospitalCounter.employee("0");
        Map<String, Object> bill = HospitalCounter.outpatient(person, HospitalCounter.HOSPITAL, "harm-" + person, "500");
        bill.put("injuryCause", "THIRD_PARTY_LIABILITY");
        HospitalCounter.settle(bill).statusCode(201).body("fundPaidTotal", yuan("0"))
                .body("trace", hasItem(containsString("THIRD_PARTY_LIABILITY")));
        HospitalCounter.accumulators(person, 2026).body("outpatientDeductibleUsed", yuan("0"));
    }

    @Test
    void familyMutualAidPaysARelativesBurden() {
        long holder = HospitalCounter.employee("300.00");
        long child = HospitalCounter.enroll("390", "RESIDENT", "150400");
        HospitalCounter.accountService().header("Idempotency-Key", TestData.key())
                .body(Map.of("year", 2026, "amount", 400, "paidOn", "2025-12-20"))
                .post("/persons/" + child + "/contributions").then().statusCode(201);
        Map<String, Object> bill = HospitalCounter.outpatient(child, HospitalCounter.HOSPITAL, "child-" + child, "1000");
        bill.put("familyPayerPersonId", holder);
        HospitalCounter.settle(bill).statusCode(201).body("familyAccountPaid", yuan("0")).body("cashPaid", yuan("700"))
                .body("trace", hasItem(containsString("NOT_A_BOUND_FAMILY_MEMBER")));

        HospitalCounter.accountService().body(Map.of("memberPersonId", child, "relation", "CHILD"))
                .post("/accounts/" + holder + "/family-members").then().statusCode(201);
        bill.put("visitId", "child2-" + child);
        // resident outpatient at level 3: no deductible, 30%: fund 300 then 300 more; burden 700
        HospitalCounter.settle(bill).statusCode(201).body("poolFundPaid", yuan("300")).body("familyAccountPaid", yuan("300"))
                .body("accountPaid", yuan("0")).body("cashPaid", yuan("400")).body("familyPayerPersonId",
                        equalTo((int) holder));
        assertEquals("0.00", HospitalCounter.balance(holder));
        HospitalCounter.accountService().get("/accounts/" + holder + "/entries").then()
                .body("items[0].beneficiaryPersonId", equalTo((int) child));
    }

    @Test
    void operationsSeeSettlementsInTheMetricsAndDownstreamsInReadiness() {
        long person = HospitalCounter.employee("0");
        HospitalCounter.settle(HospitalCounter.outpatient(person, HospitalCounter.HOSPITAL, "metrics-" + person, "100")).statusCode(201);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("medins_settlements_total{mode=\"LOCAL\",outcome=\"COMPLETED\"}"))
                .body(containsString("medins_fund_paid_yuan_total"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Downstream services' }.data.'account-service'",
                        org.hamcrest.Matchers.startsWith("UP"));
    }

    @Test
    void aPreviewChangesNothing() {
        long person = HospitalCounter.employee("500.00");
        given().contentType(ContentType.JSON).body(HospitalCounter.hospitalStay(person, "pv-" + person))
                .post("/settlements/preview").then().statusCode(200)
                .body("settlementId", nullValue()).body("poolFundPaid", yuan("13030"))
                .body("accountPaid", yuan("500")).body("cashPaid", yuan("4970"));
        assertEquals("500.00", HospitalCounter.balance(person));
        HospitalCounter.accumulators(person, 2026).body("inpatientFundPaid", yuan("0"));
        HospitalCounter.settle(HospitalCounter.hospitalStay(person, "pv-" + person)).statusCode(201);
    }

    /**
     * Cover is decided on the admission date (入院时的待遇): contributions start in January 2026, so
     * January is not covered and February is. Admitted in January and discharged in February: no
     * fund payment; admitted and discharged in February: the fund pays.
     */
    @Test
    void aStayIsCoveredAsOnTheAdmissionDate() {
        long person = HospitalCounter.employee("0.00");
        Map<String, Object> fromJanuary = HospitalCounter.hospitalStay(person, "adm-jan-" + person);
        fromJanuary.put("admissionDate", "2026-01-20");
        fromJanuary.put("dischargeDate", "2026-02-05");
        fromJanuary.put("useAccount", false);
        HospitalCounter.settle(fromJanuary).statusCode(201).body("fundPaidTotal", yuan("0"))
                .body("trace", hasItem(containsString("admission date")));
        Map<String, Object> inFebruary = HospitalCounter.hospitalStay(person, "adm-feb-" + person);
        inFebruary.put("admissionDate", "2026-02-06");
        inFebruary.put("dischargeDate", "2026-02-10");
        inFebruary.put("useAccount", false);
        HospitalCounter.settle(inFebruary).statusCode(201).body("poolFundPaid", yuan("13030"));
    }
}
