package cn.medins.reimbursement.settlement;

import static cn.medins.testsupport.TestData.yuan;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.medins.reimbursement.support.AccountServiceProcess;
import cn.medins.reimbursement.support.HospitalCounter;
import cn.medins.testsupport.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Remote care end to end with the real services: account-service, remote-care-service and
 * reimbursement-service. Filings start today, so the care is today and the policies of this year
 * are loaded from the seeded 2026 reference policy.
 */
@QuarkusTest
class RemoteSettlementTest {

    private static final LocalDate TODAY = TestData.TODAY;
    private static final String HAIKOU = "HK-460105";
    private static final String HAIKOU_CLINIC = "HK-460106-NN";
    private static final String CHONGQING = "CQ-500103";

    @BeforeEach
    void referenceData() {
        HospitalCounter.setUpReferenceData();
        HospitalCounter.institution(HAIKOU, "460105", 3, "HOSPITAL", true);
        HospitalCounter.institution(CHONGQING, "500103", 3, "HOSPITAL", true);
        given().contentType(ContentType.JSON).body(Map.of("name", "未联网诊所", "region", "460106", "level", 1,
                "kind", "HOSPITAL", "designated", true, "remoteNetworked", false)).put("/institutions/" + HAIKOU_CLINIC)
                .then().statusCode(200);
        for (String region : List.of("410300", "510100")) {
            String doc = given().get("/policies/150400/310/2026").then().statusCode(200).extract().asString();
            given().contentType(ContentType.JSON).body(doc).put("/policies/" + region + "/310/" + TODAY.getYear())
                    .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
        }
    }

    /** A Luoyang retiree with 140.00 in the account (one monthly retiree allocation). */
    private static long retiree() {
        long id = HospitalCounter.enroll("310", "RETIRED", "410300");
        HospitalCounter.accountService().header("Idempotency-Key", TestData.key())
                .body(Map.of("period", "2040-0" + (1 + (int) (id % 9)))).post("/retiree-allocations")
                .then().statusCode(200);
        return id;
    }

    private static int file(long person, String destination, boolean accountEnabled) {
        Map<String, Object> filing = new HashMap<>(Map.of("personId", person, "destinationRegion", destination,
                "type", "LONG_TERM", "reason", "RETIREE_RESETTLEMENT", "startDate", TODAY.toString(),
                "proof", Map.of("kind", "RESIDENCE_PERMIT", "number", "琼-0001"), "personalAccountEnabled",
                accountEnabled));
        return given().baseUri(AccountServiceProcess.remoteCareUrl()).contentType(ContentType.JSON).body(filing)
                .post("/filings").then().statusCode(201).extract().path("filingId");
    }

    private static Map<String, Object> visit(long person, String institution, String id) {
        Map<String, Object> bill = HospitalCounter.outpatient(person, institution, id + "-" + person, "1000");
        bill.put("serviceDate", TODAY.toString());
        bill.put("useAccount", true);
        return bill;
    }

    @Test
    void aRetireeResettledInHainanIsSettledThereWithLuoyangsPolicy() {
        long person = retiree();
        int filing = file(person, "460000", true);
        String balance = HospitalCounter.balance(person);
        // level 3, 1,000 eligible, 600 yearly deductible, 400 x (50% + 5% retiree) = 220; burden 780
        HospitalCounter.settle(visit(person, HAIKOU, "hk")).statusCode(201)
                .body("mode", equalTo("REMOTE_FILED")).body("filingId", equalTo(filing))
                .body("insuredRegion", equalTo("410300"))
                .body("poolFundPaid", yuan("220")).body("accountPaid", yuan(balance))
                .body("trace", hasItem(containsString("参保地政策")));
        assertEquals("0.00", HospitalCounter.balance(person));
    }

    @Test
    void aFilingWithoutRemoteAccountUseIsPaidInCash() {
        long person = retiree();
        file(person, "460000", false);
        String balance = HospitalCounter.balance(person);
        HospitalCounter.settle(visit(person, HAIKOU, "cash")).statusCode(201).body("mode", equalTo("REMOTE_FILED"))
                .body("accountPaid", yuan("0")).body("cashPaid", yuan("780"))
                .body("trace", hasItem(containsString("异地使用个人账户")));
        assertEquals(balance, HospitalCounter.balance(person));
    }

    @Test
    void aNonNetworkedInstitutionCannotSettleRemoteCareDirectly() {
        long person = retiree();
        file(person, "460000", true);
        HospitalCounter.settle(visit(person, HAIKOU_CLINIC, "nn")).statusCode(422)
                .body("code", equalTo("INSTITUTION_NOT_NETWORKED"));
        Map<String, Object> claim = visit(person, HAIKOU_CLINIC, "nn");
        claim.put("invoiceNumbers", List.of("HN-INV-" + person));
        // level 1, 400 above the deductible x (60% + 5%) = 260; filed care: no reduction, no account
        given().contentType(ContentType.JSON).header("Idempotency-Key", TestData.key()).body(claim)
                .post("/reimbursement-claims").then().statusCode(201).body("mode", equalTo("REMOTE_FILED"))
                .body("status", equalTo("SUBMITTED")).body("poolFundPaid", yuan("260")).body("accountPaid", yuan("0"));
    }

    @Test
    void unfiledRemoteCareIsRefusedAtTheCounterAndClaimedWithTheReduction() {
        long person = retiree();
        HospitalCounter.settle(visit(person, HAIKOU, "nofile")).statusCode(422)
                .body("code", equalTo("REMOTE_FILING_REQUIRED")).body("detail", containsString("No filing"));
        Map<String, Object> claim = visit(person, HAIKOU, "nofile");
        given().contentType(ContentType.JSON).header("Idempotency-Key", TestData.key()).body(claim)
                .post("/reimbursement-claims").then().statusCode(400)
                .body("violations[0].field", equalTo("invoiceNumbers"));
        claim.put("invoiceNumbers", List.of("HN-0001-" + person, "HN-0002-" + person));
        // 400 above the deductible x (50% + 5% - 10% unfiled reduction) = 180
        given().contentType(ContentType.JSON).header("Idempotency-Key", TestData.key()).body(claim)
                .post("/reimbursement-claims").then().statusCode(201)
                .body("mode", equalTo("REMOTE_UNFILED_CLAIM")).body("poolFundPaid", yuan("180"))
                .body("accountPaid", yuan("0")).body("cashPaid", yuan("820"))
                .body("trace", hasItem(containsString("HN-0001")));
    }

    private static Map<String, Object> unfiledClaim(long person, String visit, String... invoices) {
        Map<String, Object> claim = visit(person, HAIKOU, visit);
        claim.put("invoiceNumbers", List.of(invoices));
        return claim;
    }

    private static io.restassured.response.ValidatableResponse submit(Map<String, Object> claim) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", TestData.key()).body(claim)
                .post("/reimbursement-claims").then();
    }

    @Test
    void aClaimHoldsItsQuotasUntilTheAgencyApprovesIt() {
        long person = retiree();
        // level 3, 1,000: 600 yearly deductible, 400 x (50% + 5% - 10%) = 180, held while SUBMITTED
        int id = submit(unfiledClaim(person, "rv", "R-" + person)).statusCode(201)
                .body("status", equalTo("SUBMITTED")).body("poolFundPaid", yuan("180")).extract().path("settlementId");
        HospitalCounter.accumulators(person, TODAY.getYear()).body("outpatientFundPaid", yuan("180"))
                .body("outpatientDeductibleUsed", yuan("600"));
        HospitalCounter.cancel(id).statusCode(409).body("code", equalTo("CLAIM_NOT_REVIEWED"));
        given().post("/reimbursement-claims/" + id + "/approval").then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("reviewedAt", notNullValue())
                .body("trace", hasItem(containsString("approved")));
        given().post("/reimbursement-claims/" + id + "/approval").then().statusCode(409)
                .body("code", equalTo("CLAIM_NOT_SUBMITTED"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "late")).post("/reimbursement-claims/" + id
                + "/rejection").then().statusCode(409).body("code", equalTo("CLAIM_NOT_SUBMITTED"));
        HospitalCounter.accumulators(person, TODAY.getYear()).body("outpatientFundPaid", yuan("180"));
    }

    @Test
    void aRejectedClaimReturnsItsQuotasAndItsInvoices() {
        long person = retiree();
        int id = submit(unfiledClaim(person, "rj", "J-" + person)).statusCode(201).extract().path("settlementId");
        given().contentType(ContentType.JSON).body(Map.of("reason", " ")).post("/reimbursement-claims/" + id
                + "/rejection").then().statusCode(400).body("violations[0].field", equalTo("reason"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "发票与费用清单不符"))
                .post("/reimbursement-claims/" + id + "/rejection").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("trace", hasItem(containsString("发票与费用清单不符")));
        HospitalCounter.accumulators(person, TODAY.getYear()).body("outpatientFundPaid", yuan("0"))
                .body("outpatientDeductibleUsed", yuan("0"));
        given().post("/reimbursement-claims/" + id + "/approval").then().statusCode(409)
                .body("code", equalTo("CLAIM_NOT_SUBMITTED"));
        // the same visit and invoice may be claimed again once the first claim is rejected
        submit(unfiledClaim(person, "rj", "J-" + person)).statusCode(201).body("status", equalTo("SUBMITTED"));
    }

    @Test
    void anInvoiceIsClaimedOnceEvenUnderAnotherVisitId() {
        long person = retiree();
        int first = submit(unfiledClaim(person, "d1", "D-" + person, "E-" + person)).statusCode(201)
                .extract().path("settlementId");
        submit(unfiledClaim(person, "d2", "E-" + person)).statusCode(409).body("code", equalTo("DUPLICATE_INVOICE"))
                .body("detail", containsString("claim " + first));
        HospitalCounter.accumulators(person, TODAY.getYear()).body("outpatientFundPaid", yuan("180"));
    }

    @Test
    void concurrentClaimsOfOneInvoiceMakeOneClaim() throws Exception {
        long person = retiree();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Map<String, Object> claim = unfiledClaim(person, "cc" + i, "C-" + person);
            answers.add(pool.submit(() -> submit(claim).extract().statusCode()));
        }
        List<Integer> statuses = new java.util.ArrayList<>();
        for (var answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(5, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        HospitalCounter.accumulators(person, TODAY.getYear()).body("outpatientFundPaid", yuan("180"));
    }

    @Test
    void aClaimAfterThePolicyDeadlineIsRefused() {
        long person = retiree();
        Map<String, Object> late = unfiledClaim(person, "late", "L-" + person);
        late.put("serviceDate", TODAY.minusDays(366).toString());
        submit(late).statusCode(422).body("code", equalTo("CLAIM_DEADLINE_PASSED"))
                .body("detail", containsString("365 days"));
        Map<String, Object> lastDay = unfiledClaim(person, "lastday", "LD-" + person);
        lastDay.put("serviceDate", TODAY.minusDays(365).toString());
        submit(lastDay).statusCode(201).body("status", equalTo("SUBMITTED"));
    }

    @Test
    void localCareIsNotClaimed() {
        long person = HospitalCounter.employee("0");
        Map<String, Object> claim = HospitalCounter.outpatient(person, HospitalCounter.HOSPITAL, "lc-" + person, "100");
        claim.put("invoiceNumbers", List.of("X"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", TestData.key()).body(claim)
                .post("/reimbursement-claims").then().statusCode(422).body("code", equalTo("CLAIM_NOT_APPLICABLE"));
    }

    @Test
    void sichuanInsuredAreSettledInChongqingWithoutFiling() {
        long person = HospitalCounter.enroll("310", "RETIRED", "510100");
        HospitalCounter.settle(visit(person, CHONGQING, "cq")).statusCode(201).body("mode", equalTo("REMOTE_EXEMPT"))
                .body("insuredRegion", equalTo("510100")).body("poolFundPaid", yuan("220"))
                .body("settlementId", notNullValue());
    }
}
