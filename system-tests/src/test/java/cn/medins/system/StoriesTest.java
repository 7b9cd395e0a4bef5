package cn.medins.system;

import static cn.medins.testsupport.TestData.yuan;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.medins.testsupport.TestData;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Complete stories across the three real services, over HTTP only. */
class StoriesTest {

    private static final LocalDate TODAY = TestData.TODAY;

    @BeforeAll
    static void suite() {
        Suite.start();
        institution("SYS-H3", "150402", 3, true);
        institution("SYS-HK", "460105", 3, true);
        Suite.settle().body(Map.of("name", "头孢曲松", "category", "A")).put("/catalog/SYS-A").then().statusCode(200);
        Suite.settle().body(Map.of("name", "乙类药", "category", "B")).put("/catalog/SYS-B").then().statusCode(200);
        String reference = Suite.settle().get("/policies/410300/310/2026").then().statusCode(200).extract().asString();
        Suite.settle().body(reference).put("/policies/410300/310/" + TODAY.getYear()).then()
                .statusCode(anyOf(equalTo(200), equalTo(201)));
    }

    private static void institution(String code, String region, int level, boolean networked) {
        Suite.settle().body(Map.of("name", "医院 " + code, "region", region, "level", level, "kind", "HOSPITAL",
                "designated", true, "remoteNetworked", networked)).put("/institutions/" + code).then().statusCode(200);
    }

    private static long enroll(String personType, String region) {
        return Suite.account().body(Map.of("idNumber", TestData.idNumber(), "name", "参保人", "insuranceType", "310",
                "personType", personType, "insuredRegion", region, "enrolledOn", "2020-01-01"))
                .post("/persons").then().statusCode(201).extract().jsonPath().getLong("personId");
    }

    private static void contribute(long person, String period, String individual) {
        Suite.account().header("Idempotency-Key", TestData.key())
                .body(Map.of("period", period, "individualAmount", new BigDecimal(individual), "employerAmount", 300))
                .post("/persons/" + person + "/contributions").then().statusCode(201);
    }

    private static String balance(long person) {
        return Suite.account().get("/accounts/" + person).then().statusCode(200).extract().path("balance").toString();
    }

    private static Map<String, Object> bill(long person, String institution, String visit, String date) {
        Map<String, Object> bill = new HashMap<>(Map.of("personId", person, "institutionCode", institution,
                "visitId", visit, "medicalType", "11", "serviceDate", date, "useAccount", true,
                "lines", List.of(Map.of("itemCode", "SYS-A", "quantity", 1, "unitPrice", 1000))));
        return bill;
    }

    @Test
    void enrollmentContributionsSettlementAndCancellation() {
        long person = enroll("IN_SERVICE", "150400");
        contribute(person, "2026-01", "500.00");
        for (int m = 2; m <= 6; m++) {
            contribute(person, String.format("2026-%02d", m), "0");
        }
        Suite.account().get("/persons/" + person + "/eligibility?date=2026-06-15").then().body("eligible", equalTo(true));
        // 1,000 at level 3: 600 deductible, 400 x 50% = 200 fund; burden 800: account 500, cash 300
        var settled = Suite.settle().header("Idempotency-Key", TestData.key())
                .body(bill(person, "SYS-H3", "sys-1-" + person, "2026-06-15")).post("/settlements").then()
                .statusCode(201).body("poolFundPaid", yuan("200")).body("accountPaid", yuan("500"))
                .body("cashPaid", yuan("300")).extract();
        int id = settled.path("settlementId");
        assertEquals("0.00", balance(person));
        Suite.account().queryParam("reference", settled.path("accountPaymentReference").toString())
                .get("/accounts/" + person + "/payments").then().body("items[0].paidAmount", yuan("500"));

        Suite.settle().header("Idempotency-Key", TestData.key()).post("/settlements/" + id + "/cancellation")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        assertEquals("500.00", balance(person));
        Suite.settle().get("/persons/" + person + "/accumulators/2026").then()
                .body("outpatientDeductibleUsed", yuan("0")).body("outpatientFundPaid", yuan("0"));
    }

    @Test
    void aRemoteFilingThenARemoteSettlement() {
        long person = enroll("RETIRED", "410300");
        Suite.settle().header("Idempotency-Key", TestData.key())
                .body(bill(person, "SYS-HK", "sys-hk-" + person, TODAY.toString())).post("/settlements").then()
                .statusCode(422).body("code", equalTo("REMOTE_FILING_REQUIRED"));
        int filing = Suite.care().body(Map.of("personId", person, "destinationRegion", "460000", "type", "LONG_TERM",
                        "reason", "RETIREE_RESETTLEMENT", "startDate", TODAY.toString(), "proof",
                        Map.of("kind", "RESIDENCE_PERMIT", "number", "琼-SYS"), "personalAccountEnabled", true))
                .post("/filings").then().statusCode(201).extract().path("filingId");
        Suite.settle().header("Idempotency-Key", TestData.key())
                .body(bill(person, "SYS-HK", "sys-hk-" + person, TODAY.toString())).post("/settlements").then()
                .statusCode(201).body("mode", equalTo("REMOTE_FILED")).body("filingId", equalTo(filing))
                .body("insuredRegion", equalTo("410300")).body("poolFundPaid", yuan("220"));
    }

    @Test
    void aDownstreamServiceKilledInTheMiddleLosesAndDoublesNothing() throws Exception {
        long person = enroll("IN_SERVICE", "150400");
        contribute(person, "2026-01", "500.00");
        for (int m = 2; m <= 6; m++) {
            contribute(person, String.format("2026-%02d", m), "0");
        }
        String key = TestData.key();
        Map<String, Object> visit = bill(person, "SYS-H3", "sys-kill-" + person, "2026-06-20");

        Suite.accounts.kill();
        Suite.settle().header("Idempotency-Key", key).body(visit).post("/settlements").then().statusCode(503)
                .body("code", equalTo("ACCOUNT_SERVICE_UNAVAILABLE"));
        Suite.settle().queryParam("personId", person).get("/settlements").then().body("items.size()", equalTo(0));
        Suite.accounts.restart();

        Suite.eventually(Duration.ofSeconds(15), () ->
                Suite.settle().header("Idempotency-Key", key).body(visit).post("/settlements").then().statusCode(201));
        Suite.settle().header("Idempotency-Key", key).body(visit).post("/settlements").then().statusCode(201)
                .header("Idempotent-Replayed", "true");
        var settled = Suite.settle().queryParam("personId", person).get("/settlements").then()
                .body("items.size()", equalTo(1)).body("items[0].accountPaid", yuan("500")).extract();
        int id = settled.path("items[0].settlementId");
        assertEquals("0.00", balance(person));

        Suite.accounts.kill();
        String cancelKey = TestData.key();
        Suite.settle().header("Idempotency-Key", cancelKey).post("/settlements/" + id + "/cancellation").then()
                .statusCode(503);
        // recorded as CANCELLING before the refund: still holding its quotas, finished by recovery
        Suite.settle().get("/settlements/" + id).then().body("status", equalTo("CANCELLING"));
        Suite.accounts.restart();
        Suite.eventually(Duration.ofSeconds(15), () -> Suite.settle().header("Idempotency-Key", cancelKey)
                .post("/settlements/" + id + "/cancellation").then().statusCode(200));
        assertEquals("500.00", balance(person));
        // exactly one payment and one refund moved money for this person after the contributions
        Suite.account().get("/accounts/" + person + "/entries").then()
                .body("items.findAll { it.type == 'PAYMENT' }.size()", equalTo(1))
                .body("items.findAll { it.type == 'REFUND' }.size()", equalTo(1));

        Suite.remoteCare.kill();
        Suite.settle().header("Idempotency-Key", TestData.key())
                .body(bill(person, "SYS-HK", "sys-rc-" + person, TODAY.toString())).post("/settlements").then()
                .statusCode(503).body("code", equalTo("REMOTE_CARE_SERVICE_UNAVAILABLE"));
        Suite.remoteCare.restart();
    }
}
