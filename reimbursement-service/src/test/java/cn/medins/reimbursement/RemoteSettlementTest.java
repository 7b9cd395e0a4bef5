package cn.medins.reimbursement;

import static cn.medins.testsupport.TestData.yuan;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

    private static final LocalDate TODAY = LocalDate.now();
    private static final String HAIKOU = "HK-460105";
    private static final String HAIKOU_CLINIC = "HK-460106-NN";
    private static final String CHONGQING = "CQ-500103";

    @BeforeEach
    void referenceData() {
        Counter.setUpReferenceData();
        Counter.institution(HAIKOU, "460105", 3, "HOSPITAL", true);
        Counter.institution(CHONGQING, "500103", 3, "HOSPITAL", true);
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
        long id = Counter.enroll("310", "RETIRED", "410300");
        Counter.accountService().header("Idempotency-Key", TestData.key())
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
        Map<String, Object> bill = Counter.outpatient(person, institution, id + "-" + person, "1000");
        bill.put("serviceDate", TODAY.toString());
        bill.put("useAccount", true);
        return bill;
    }

    @Test
    void aRetireeResettledInHainanIsSettledThereWithLuoyangsPolicy() {
        long person = retiree();
        int filing = file(person, "460000", true);
        String balance = Counter.balance(person);
        // level 3, 1,000 eligible, 600 yearly deductible, 400 x (50% + 5% retiree) = 220; burden 780
        Counter.settle(visit(person, HAIKOU, "hk")).statusCode(201)
                .body("mode", equalTo("REMOTE_FILED")).body("filingId", equalTo(filing))
                .body("insuredRegion", equalTo("410300"))
                .body("poolFundPaid", yuan("220")).body("accountPaid", yuan(balance))
                .body("trace", hasItem(containsString("参保地政策")));
        assertEquals("0.00", Counter.balance(person));
    }

    @Test
    void aFilingWithoutRemoteAccountUseIsPaidInCash() {
        long person = retiree();
        file(person, "460000", false);
        String balance = Counter.balance(person);
        Counter.settle(visit(person, HAIKOU, "cash")).statusCode(201).body("mode", equalTo("REMOTE_FILED"))
                .body("accountPaid", yuan("0")).body("cashPaid", yuan("780"))
                .body("trace", hasItem(containsString("异地使用个人账户")));
        assertEquals(balance, Counter.balance(person));
    }

    @Test
    void aNonNetworkedInstitutionCannotSettleRemoteCareDirectly() {
        long person = retiree();
        file(person, "460000", true);
        Counter.settle(visit(person, HAIKOU_CLINIC, "nn")).statusCode(422)
                .body("code", equalTo("INSTITUTION_NOT_NETWORKED"));
        Map<String, Object> claim = visit(person, HAIKOU_CLINIC, "nn");
        claim.put("invoiceNumbers", List.of("HN-INV-1"));
        // level 1, 400 above the deductible x (60% + 5%) = 260; filed care: no reduction, no account
        given().contentType(ContentType.JSON).header("Idempotency-Key", TestData.key()).body(claim)
                .post("/reimbursement-claims").then().statusCode(201).body("mode", equalTo("REMOTE_FILED"))
                .body("poolFundPaid", yuan("260")).body("accountPaid", yuan("0"));
    }

    @Test
    void unfiledRemoteCareIsRefusedAtTheCounterAndClaimedWithTheReduction() {
        long person = retiree();
        Counter.settle(visit(person, HAIKOU, "nofile")).statusCode(422)
                .body("code", equalTo("REMOTE_FILING_REQUIRED")).body("detail", containsString("No filing"));
        Map<String, Object> claim = visit(person, HAIKOU, "nofile");
        given().contentType(ContentType.JSON).header("Idempotency-Key", TestData.key()).body(claim)
                .post("/reimbursement-claims").then().statusCode(400)
                .body("violations[0].field", equalTo("invoiceNumbers"));
        claim.put("invoiceNumbers", List.of("HN-0001", "HN-0002"));
        // 400 above the deductible x (50% + 5% - 10% unfiled reduction) = 180
        given().contentType(ContentType.JSON).header("Idempotency-Key", TestData.key()).body(claim)
                .post("/reimbursement-claims").then().statusCode(201)
                .body("mode", equalTo("REMOTE_UNFILED_CLAIM")).body("poolFundPaid", yuan("180"))
                .body("accountPaid", yuan("0")).body("cashPaid", yuan("820"))
                .body("trace", hasItem(containsString("HN-0001")));
    }

    @Test
    void localCareIsNotClaimed() {
        long person = Counter.employee("0");
        Map<String, Object> claim = Counter.outpatient(person, Counter.HOSPITAL, "lc-" + person, "100");
        claim.put("invoiceNumbers", List.of("X"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", TestData.key()).body(claim)
                .post("/reimbursement-claims").then().statusCode(422).body("code", equalTo("CLAIM_NOT_APPLICABLE"));
    }

    @Test
    void sichuanInsuredAreSettledInChongqingWithoutFiling() {
        long person = Counter.enroll("310", "RETIRED", "510100");
        Counter.settle(visit(person, CHONGQING, "cq")).statusCode(201).body("mode", equalTo("REMOTE_EXEMPT"))
                .body("insuredRegion", equalTo("510100")).body("poolFundPaid", yuan("220"))
                .body("settlementId", notNullValue());
    }
}
