package cn.medins.account.account;

import static cn.medins.account.support.Fixtures.yuan;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.medins.account.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccountResourceTest {

    private static io.restassured.response.ValidatableResponse bind(long holder, long member, String relation) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("memberPersonId", member, "relation", relation))
                .post("/accounts/" + holder + "/family-members").then();
    }

    private static io.restassured.response.ValidatableResponse close(long personId, String reason) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key())
                .body(Map.of("reason", reason, "payee", "继承人 王五")).post("/accounts/" + personId + "/closure").then();
    }

    @Test
    void aPaymentDebitsTheLedgerWithItsReference() {
        long id = Fixtures.employeeWithBalance("200.00");
        int paymentId = Fixtures.pay(id, "45.50", "visit-1", false).statusCode(201)
                .header("Location", containsString("/accounts/" + id + "/payments/"))
                .body("paidAmount", yuan("45.50")).body("shortfall", yuan("0"))
                .body("balanceAfter", yuan("154.50")).extract().path("paymentId");
        given().get("/accounts/" + id + "/entries").then().statusCode(200)
                .body("items[0].type", equalTo("PAYMENT"))
                .body("items[0].amount", yuan("-45.50"))
                .body("items[0].balanceAfter", yuan("154.50"))
                .body("items[0].reference", equalTo("visit-1"))
                .body("items[0].paymentId", equalTo(paymentId))
                .body("items[1].type", equalTo("INDIVIDUAL_CONTRIBUTION"));
        given().queryParam("reference", "visit-1").get("/accounts/" + id + "/payments").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].paymentId", equalTo(paymentId));
        given().queryParam("reference", "unknown").get("/accounts/" + id + "/payments").then().statusCode(200)
                .body("items.size()", equalTo(0));
        given().get("/accounts/" + id + "/payments/" + paymentId).then().statusCode(200)
                .body("paidAmount", yuan("45.50")).body("refunded", equalTo(false));
    }

    @Test
    void aPaymentAboveTheBalanceIsRefusedUnlessPartialIsAllowed() {
        long id = Fixtures.employeeWithBalance("30.00");
        Fixtures.pay(id, "50.00", "visit-2", false).statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("INSUFFICIENT_BALANCE")).body("detail", containsString("30.00"));
        assertEquals("30.00", Fixtures.balance(id));
        Fixtures.pay(id, "50.00", "visit-2", true).statusCode(201)
                .body("requestedAmount", yuan("50")).body("paidAmount", yuan("30")).body("shortfall", yuan("20"))
                .body("balanceAfter", yuan("0"));
        Fixtures.pay(id, "10.00", "visit-3", true).statusCode(201)
                .body("paidAmount", yuan("0")).body("shortfall", yuan("10"));
        assertEquals("0.00", Fixtures.balance(id));
    }

    @Test
    void aReferenceIsPaidOnlyOnce() {
        long id = Fixtures.employeeWithBalance("100.00");
        Fixtures.pay(id, "10.00", "same-ref", false).statusCode(201);
        Fixtures.pay(id, "10.00", "same-ref", false).statusCode(409).body("code", equalTo("DUPLICATE_REFERENCE"));
        assertEquals("90.00", Fixtures.balance(id));
    }

    @Test
    void aRefundGivesThePaymentBackExactlyOnce() {
        long id = Fixtures.employeeWithBalance("100.00");
        int paymentId = Fixtures.pay(id, "60.00", "visit-4", false).statusCode(201).extract().path("paymentId");
        given().header("Idempotency-Key", Fixtures.key()).post("/accounts/" + id + "/payments/" + paymentId + "/refund")
                .then().statusCode(201).body("refundedAmount", yuan("60")).body("balanceAfter", yuan("100"));
        given().header("Idempotency-Key", Fixtures.key()).post("/accounts/" + id + "/payments/" + paymentId + "/refund")
                .then().statusCode(409).body("code", equalTo("ALREADY_REFUNDED"));
        assertEquals("100.00", Fixtures.balance(id));
        given().get("/accounts/" + id + "/entries").then().body("items[0].type", equalTo("REFUND"))
                .body("items[0].amount", yuan("60"));
        given().get("/accounts/" + id + "/payments/" + paymentId).then().body("refunded", equalTo(true))
                .body("refundedAt", notNullValue());
        given().header("Idempotency-Key", Fixtures.key()).post("/accounts/" + id + "/payments/424242/refund")
                .then().statusCode(404).body("code", equalTo("PAYMENT_NOT_FOUND"));
        given().post("/accounts/" + id + "/payments/" + paymentId + "/refund")
                .then().statusCode(400).body("code", equalTo("IDEMPOTENCY_KEY_REQUIRED"));
    }

    @Test
    void familyMutualAidPaysOnlyForBoundRelatives() {
        long holder = Fixtures.employeeWithBalance("500.00");
        long child = Fixtures.resident();
        long stranger = Fixtures.resident();

        given().contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key())
                .body(Map.of("amount", 100, "purpose", "RESIDENT_PREMIUM", "beneficiaryPersonId", child,
                        "reference", "premium-child", "premiumYear", 2026))
                .post("/accounts/" + holder + "/payments").then().statusCode(422)
                .body("code", equalTo("NOT_A_BOUND_FAMILY_MEMBER"));

        bind(holder, child, "CHILD").statusCode(201).body("memberPersonId", equalTo((int) child))
                .body("relation", equalTo("CHILD"));
        bind(holder, child, "CHILD").statusCode(409).body("code", equalTo("ALREADY_BOUND"));
        bind(holder, holder, "SPOUSE").statusCode(422).body("code", equalTo("SELF_BINDING"));
        bind(holder, 999999999, "SPOUSE").statusCode(404).body("code", equalTo("PERSON_NOT_FOUND"));
        bind(holder, stranger, "COUSIN").statusCode(400).body("violations[0].field", equalTo("relation"));
        given().get("/accounts/" + holder + "/family-members").then().statusCode(200)
                .body("items.memberPersonId", hasItems((int) child));

        given().contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key())
                .body(Map.of("amount", 400, "purpose", "RESIDENT_PREMIUM", "beneficiaryPersonId", child,
                        "reference", "premium-child", "premiumYear", 2026))
                .post("/accounts/" + holder + "/payments").then().statusCode(201)
                .body("beneficiaryPersonId", equalTo((int) child)).body("balanceAfter", yuan("100"));
        given().get("/persons/" + child + "/contributions?year=2026").then().statusCode(200)
                .body("items[0].paidBy", equalTo("FAMILY_ACCOUNT"));
        given().get("/accounts/" + holder + "/entries").then()
                .body("items[0].beneficiaryPersonId", equalTo((int) child));

        given().contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key())
                .body(Map.of("amount", 10, "purpose", "OUTPATIENT", "beneficiaryPersonId", stranger,
                        "reference", "stranger"))
                .post("/accounts/" + holder + "/payments").then().statusCode(422)
                .body("code", equalTo("NOT_A_BOUND_FAMILY_MEMBER"));

        given().delete("/accounts/" + holder + "/family-members/" + child).then().statusCode(204);
        given().delete("/accounts/" + holder + "/family-members/" + child).then().statusCode(404)
                .body("code", equalTo("NOT_BOUND"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key())
                .body(Map.of("amount", 10, "purpose", "OUTPATIENT", "beneficiaryPersonId", child,
                        "reference", "after-unbind"))
                .post("/accounts/" + holder + "/payments").then().statusCode(422)
                .body("code", equalTo("NOT_A_BOUND_FAMILY_MEMBER"));
    }

    @Test
    void residentsHaveNoPersonalAccount() {
        long id = Fixtures.resident();
        given().get("/accounts/" + id).then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("NO_PERSONAL_ACCOUNT"));
        given().get("/accounts/" + id + "/entries").then().statusCode(404).body("code", equalTo("NO_PERSONAL_ACCOUNT"));
        Fixtures.pay(id, "1.00", "x", false).statusCode(404).body("code", equalTo("NO_PERSONAL_ACCOUNT"));
        given().get("/accounts/999999999").then().statusCode(404).body("code", equalTo("PERSON_NOT_FOUND"));
    }

    @Test
    void cashWithdrawalIsRefusedAndClosureForDeathPaysOut() {
        long id = Fixtures.employeeWithBalance("321.09");
        close(id, "WITHDRAWAL").statusCode(422).body("code", equalTo("CASH_WITHDRAWAL_NOT_ALLOWED"));
        close(id, "I need the money").statusCode(422).body("code", equalTo("CASH_WITHDRAWAL_NOT_ALLOWED"));
        assertEquals("321.09", Fixtures.balance(id));

        close(id, "DEATH").statusCode(200).body("paidOut", yuan("321.09")).body("status", equalTo("CLOSED"))
                .body("payee", equalTo("继承人 王五"));
        given().get("/accounts/" + id).then().body("status", equalTo("CLOSED")).body("balance", yuan("0"));
        given().get("/accounts/" + id + "/entries").then().body("items[0].type", equalTo("CLOSURE_PAYOUT"))
                .body("items[0].amount", yuan("-321.09"));
        given().get("/persons/" + id).then().body("status", equalTo("TERMINATED"));
        close(id, "DEATH").statusCode(409).body("code", equalTo("ACCOUNT_CLOSED"));
        Fixtures.pay(id, "1.00", "after-death", true).statusCode(422).body("code", equalTo("ACCOUNT_CLOSED"));
    }

    @Test
    void emigrationPaysOutOnlyBeforeRetirement() {
        long retiree = Fixtures.retiree();
        close(retiree, "EMIGRATION").statusCode(422).body("code", equalTo("CASH_WITHDRAWAL_NOT_ALLOWED"))
                .body("detail", containsString("retire"));
        close(retiree, "FOREIGNER_DEPARTURE").statusCode(422);
        close(retiree, "DEATH").statusCode(200);

        long worker = Fixtures.employeeWithBalance("10.00");
        close(worker, "FOREIGNER_DEPARTURE").statusCode(200).body("paidOut", yuan("10"));
    }

    @Test
    void aFrozenAccountReceivesButDoesNotPay() {
        long id = Fixtures.employeeWithBalance("80.00");
        given().contentType(ContentType.JSON).body("{\"status\":\"FROZEN\"}").put("/accounts/" + id + "/status")
                .then().statusCode(200).body("status", equalTo("FROZEN"));
        Fixtures.pay(id, "1.00", "frozen", false).statusCode(422).body("code", equalTo("ACCOUNT_FROZEN"));
        Fixtures.contribute(id, "2024-02", "5.00", "0").statusCode(201);
        given().contentType(ContentType.JSON).body("{\"status\":\"ACTIVE\"}").put("/accounts/" + id + "/status")
                .then().statusCode(200);
        Fixtures.pay(id, "85.00", "unfrozen", false).statusCode(201).body("balanceAfter", yuan("0"));
        given().contentType(ContentType.JSON).body("{\"status\":\"CLOSED\"}").put("/accounts/" + id + "/status")
                .then().statusCode(400).body("violations[0].field", equalTo("status"));
    }

    @Test
    void aTransferMovesTheEnrollmentAndTheBalance() {
        long id = Fixtures.employeeWithBalance("250.00");
        given().contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key())
                .body("{\"toRegion\":\"410300\",\"effectiveOn\":\"2025-07-01\"}")
                .post("/persons/" + id + "/transfers").then().statusCode(201)
                .body("fromRegion", equalTo("150400")).body("toRegion", equalTo("410300"))
                .body("amountMoved", yuan("250"));
        given().get("/persons/" + id).then().body("insuredRegion", equalTo("410300"))
                .body("enrolledOn", equalTo("2025-07-01"));
        assertEquals("250.00", Fixtures.balance(id));
        given().get("/accounts/" + id + "/entries").then()
                .body("items[0].type", equalTo("TRANSFER_IN")).body("items[0].amount", yuan("250"))
                .body("items[1].type", equalTo("TRANSFER_OUT")).body("items[1].amount", yuan("-250"));
        given().queryParam("date", "2025-06-30").get("/persons/" + id + "/eligibility").then()
                .body("insuredRegion", equalTo("150400"));
        given().queryParam("date", "2025-07-01").get("/persons/" + id + "/eligibility").then()
                .body("insuredRegion", equalTo("410300"));

        given().contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key())
                .body("{\"toRegion\":\"410300\",\"effectiveOn\":\"2025-08-01\"}")
                .post("/persons/" + id + "/transfers").then().statusCode(422).body("code", equalTo("SAME_REGION"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key())
                .body("{\"toRegion\":\"41030\",\"effectiveOn\":\"2025-08-01\"}")
                .post("/persons/" + id + "/transfers").then().statusCode(400)
                .body("violations[0].field", equalTo("toRegion"));
    }

    @Test
    void paymentBodiesAreValidated() {
        long id = Fixtures.employeeWithBalance("10.00");
        given().contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key())
                .body("{\"amount\":1.001,\"purpose\":\"OUTPATIENT\",\"reference\":\"r\"}")
                .post("/accounts/" + id + "/payments").then().statusCode(400)
                .body("violations[0].field", equalTo("amount"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key())
                .body("{\"amount\":-5,\"purpose\":\"OUTPATIENT\",\"reference\":\"r\"}")
                .post("/accounts/" + id + "/payments").then().statusCode(400)
                .body("violations[0].field", equalTo("amount"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key())
                .body("{\"amount\":\"ten\",\"purpose\":\"OUTPATIENT\",\"reference\":\"r\"}")
                .post("/accounts/" + id + "/payments").then().statusCode(400)
                .body("violations[0].field", equalTo("amount"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key())
                .body("{\"amount\":1,\"purpose\":\"SHOPPING\",\"reference\":\"r\"}")
                .post("/accounts/" + id + "/payments").then().statusCode(400)
                .body("violations[0].field", equalTo("purpose"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key())
                .body("{\"amount\":1,\"purpose\":\"OUTPATIENT\"}")
                .post("/accounts/" + id + "/payments").then().statusCode(400)
                .body("violations[0].field", equalTo("reference"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", "x".repeat(129))
                .body("{\"amount\":1,\"purpose\":\"OUTPATIENT\",\"reference\":\"r\"}")
                .post("/accounts/" + id + "/payments").then().statusCode(400)
                .body("violations[0].field", equalTo("Idempotency-Key"));
        given().queryParam("limit", 0).get("/accounts/" + id + "/entries").then().statusCode(400)
                .body("violations[0].field", equalTo("limit"));
        assertEquals("10.00", Fixtures.balance(id));
    }

    @Test
    void theLedgerPagesNewestFirstWithACursor() {
        long id = Fixtures.employee();
        for (int m = 1; m <= 5; m++) {
            Fixtures.contribute(id, "2024-0" + m, String.valueOf(m), "0").statusCode(201);
        }
        String cursor = given().queryParam("limit", 2).get("/accounts/" + id + "/entries").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("items[0].amount", yuan("5")).body("items[1].amount", yuan("4"))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        cursor = given().queryParam("limit", 2).queryParam("cursor", cursor).get("/accounts/" + id + "/entries")
                .then().body("items[0].amount", yuan("3")).body("items[1].amount", yuan("2"))
                .extract().path("nextCursor");
        given().queryParam("limit", 2).queryParam("cursor", cursor).get("/accounts/" + id + "/entries")
                .then().body("items.size()", equalTo(1)).body("items[0].amount", yuan("1"))
                .body("nextCursor", nullValue());
    }

    /** Consent: an insured person names the relative by ID number and name; a mismatch is "nobody". */
    @Test
    void anInsuredPersonBindsByIdNumberAndNameAndCannotProbeIds() {
        long holder = Fixtures.employee();
        String idNumber = Fixtures.idNumber();
        long member = given().contentType(ContentType.JSON).body(Map.of("idNumber", idNumber, "name", "王小明",
                        "insuranceType", "390", "personType", "RESIDENT", "insuredRegion", "150400", "enrolledOn", "2024-01-15"))
                .post("/persons").then().statusCode(201).extract().jsonPath().getLong("personId");
        String insured = "Bearer " + cn.medins.testsupport.TestKeys.insured(holder);

        String nobody = given().header("Authorization", insured).contentType(ContentType.JSON)
                .body(Map.of("memberIdNumber", Fixtures.idNumber(), "memberName", "王小明", "relation", "CHILD"))
                .post("/accounts/" + holder + "/family-members").then().statusCode(404)
                .body("code", equalTo("PERSON_NOT_FOUND")).extract().path("detail");
        given().header("Authorization", insured).contentType(ContentType.JSON)
                .body(Map.of("memberIdNumber", idNumber, "memberName", "王大明", "relation", "CHILD"))
                .post("/accounts/" + holder + "/family-members").then().statusCode(404)
                .body("code", equalTo("PERSON_NOT_FOUND")).body("detail", equalTo(nobody));
        given().header("Authorization", insured).contentType(ContentType.JSON)
                .body(Map.of("memberPersonId", member, "relation", "CHILD"))
                .post("/accounts/" + holder + "/family-members").then().statusCode(400)
                .body("violations[0].field", equalTo("memberPersonId"));
        given().header("Authorization", insured).contentType(ContentType.JSON)
                .body(Map.of("memberIdNumber", idNumber, "memberName", "王小明", "relation", "CHILD"))
                .post("/accounts/" + holder + "/family-members").then().statusCode(201)
                .body("memberPersonId", equalTo((int) member));
    }
}
