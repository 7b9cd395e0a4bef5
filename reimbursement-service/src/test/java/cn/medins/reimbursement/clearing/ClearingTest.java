package cn.medins.reimbursement.clearing;

import static cn.medins.testsupport.TestData.yuan;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.medins.reimbursement.support.HospitalCounter;
import cn.medins.testsupport.TestData;
import cn.medins.testsupport.TestKeys;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 对账与清算 through the public API. Settlements are made now; to close a month that is over, the
 * test moves their completion (and cancellation) times into a past month with SQL, as if they had
 * been made then. Each test uses an institution of its own, so statements never mix.
 */
@QuarkusTest
class ClearingTest {

    private static final LocalDate TODAY_IN_CHINA = TestData.TODAY;

    @Inject
    EntityManager em;

    @BeforeEach
    void referenceData() {
        HospitalCounter.setUpReferenceData();
    }

    static String newInstitution() {
        String code = "CLR-" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        HospitalCounter.institution(code, "150402", 3, "HOSPITAL", true);
        return code;
    }

    /** Moves the institution's completions (and cancellations) into a past day, as if made then. */
    void madeOn(String institution, String instant, String statuses) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update {h-schema}settlement set"
                        + " completed_at = cast(?1 as timestamptz), cancelled_at = case when cancelled_at is null then null"
                        + " else cast(?1 as timestamptz) end where institution_code = ?2 and status in (" + statuses + ")")
                .setParameter(1, instant).setParameter(2, institution).executeUpdate());
    }

    void cancelledOn(String institution, String instant) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update {h-schema}settlement set"
                        + " cancelled_at = cast(?1 as timestamptz) where institution_code = ?2 and status = 'CANCELLED'")
                .setParameter(1, instant).setParameter(2, institution).executeUpdate());
    }

    static ValidatableResponse close(String month, String institution) {
        Map<String, Object> body = new HashMap<>(Map.of("month", month));
        if (institution != null) {
            body.put("institutionCode", institution);
        }
        return given().contentType(ContentType.JSON).body(body).post("/clearings").then();
    }

    static ValidatableResponse reconcile(Map<String, Object> body, String institution) {
        return given().header("Authorization", "Bearer " + TestKeys.institution(institution))
                .contentType(ContentType.JSON).body(body).post("/reconciliations").then();
    }

    static Map<String, Object> outpatient(long person, String institution, String visit) {
        Map<String, Object> bill = HospitalCounter.outpatient(person, institution, visit + "-" + person, "1000");
        bill.put("useAccount", true);
        return bill;
    }

    @Test
    void aDayIsReconciledAndAMonthClearedConfirmedAndPaid() {
        String hospital = newInstitution();
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long person = HospitalCounter.employee("100.00");
            // level 3, 1,000: 600 yearly deductible, 400 x 50% = 200 from the fund, 100 from the account, 700 cash
            ids.add(HospitalCounter.settle(outpatient(person, hospital, "op")).statusCode(201)
                    .body("poolFundPaid", yuan("200")).extract().path("settlementId"));
        }
        long stayer = HospitalCounter.employee("0");
        Map<String, Object> stay = HospitalCounter.hospitalStay(stayer, "stay-" + stayer);
        stay.put("institutionCode", hospital);
        ids.add(HospitalCounter.settle(stay).statusCode(201).body("poolFundPaid", yuan("13030")).extract().path("settlementId"));

        // 3201: 4 settlements, total 3,000 + 18,500, fund 600 + 13,030, accounts 300, cash 21,500 - 13,630 - 300
        Map<String, Object> day = new HashMap<>(Map.of("institutionCode", hospital, "date", TODAY_IN_CHINA.toString(),
                "count", 4, "totalAmount", new BigDecimal("21500"), "fundPaidTotal", new BigDecimal("13630"),
                "accountPaid", new BigDecimal("300"), "cashPaid", new BigDecimal("7570")));
        reconcile(day, hospital).statusCode(200).body("result", equalTo("MATCHED")).body("differences", empty());
        day.put("fundPaidTotal", new BigDecimal("13600"));
        reconcile(day, hospital).statusCode(200).body("result", equalTo("DIFFERENT"))
                .body("differences[0].figure", equalTo("fundPaidTotal"))
                .body("differences[0].institution", equalTo(13600)).body("differences[0].agency", yuan("13630"));
        day.put("fundPaidTotal", new BigDecimal("13630"));
        day.put("byType", List.of(
                Map.of("medicalType", "11", "insuranceType", "310", "count", 2, "totalAmount", 3000,
                        "fundPaidTotal", 600, "accountPaid", 300, "cashPaid", 2100),
                Map.of("medicalType", "21", "insuranceType", "310", "count", 1, "totalAmount", 18500,
                        "fundPaidTotal", 13030, "accountPaid", 0, "cashPaid", 5470)));
        reconcile(day, hospital).statusCode(200).body("result", equalTo("DIFFERENT"))
                .body("differences.figure", equalTo(List.of("11/310 count")));
        reconcile(day, "SOMEONE-ELSE").statusCode(403);

        // 3202: the institution lacks the stay, has an id the agency does not, and one total differs
        List<Map<String, Object>> theirs = List.of(
                Map.of("settlementId", ids.get(0), "totalAmount", 1000, "fundPaidTotal", 200),
                Map.of("settlementId", ids.get(1), "totalAmount", 1000, "fundPaidTotal", 200),
                Map.of("settlementId", ids.get(2), "totalAmount", 1001, "fundPaidTotal", 200),
                Map.of("settlementId", 999_999_999, "totalAmount", 5, "fundPaidTotal", 0));
        given().header("Authorization", "Bearer " + TestKeys.institution(hospital)).contentType(ContentType.JSON)
                .body(Map.of("institutionCode", hospital, "date", TODAY_IN_CHINA.toString(), "settlements", theirs))
                .post("/reconciliations/details").then().statusCode(200)
                .body("missingAtAgency.settlementId", equalTo(List.of(999_999_999)))
                .body("missingAtInstitution.settlementId", equalTo(List.of(ids.get(3))))
                .body("different[0].settlementId", equalTo(ids.get(2)))
                .body("different[0].figure", equalTo("totalAmount"));

        // August closed: the four settlements, pool and catastrophic apart, by type
        madeOn(hospital, "2026-08-15T04:00:00Z", "'COMPLETED'");
        close(YearMonth.from(TODAY_IN_CHINA).toString(), hospital).statusCode(422).body("code", equalTo("MONTH_NOT_OVER"));
        int august = close("2026-08", hospital).statusCode(201).body("items", hasSize(1))
                .body("items[0].status", equalTo("DRAFT")).body("items[0].settlementCount", equalTo(4))
                .body("items[0].poolFundAmount", yuan("13630")).body("items[0].catastrophicAmount", yuan("0"))
                .body("items[0].totalAmount", yuan("13630"))
                .body("items[0].lines.find { it.medicalType == 'GENERAL_OUTPATIENT' }.poolFundAmount", yuan("600"))
                .body("items[0].lines.find { it.medicalType == 'INPATIENT' }.settlementCount", equalTo(1))
                .extract().path("items[0].statementId");
        close("2026-08", hospital).statusCode(409).body("code", equalTo("MONTH_ALREADY_CLEARED"))
                .body("detail", containsString(String.valueOf(august)));

        // a settlement cancelled after its month was cleared: a negative adjustment of the next statement
        HospitalCounter.cancel(ids.get(0)).statusCode(200);
        cancelledOn(hospital, "2026-09-10T02:00:00Z");
        close("2026-09", hospital).statusCode(201).body("items[0].settlementCount", equalTo(0))
                .body("items[0].adjustmentCount", equalTo(1)).body("items[0].adjustmentAmount", yuan("-200"))
                .body("items[0].totalAmount", yuan("-200"));
        assertInvariant(hospital);

        // the institution confirms its own statement, the agency pays it
        String other = "Bearer " + TestKeys.institution("SOMEONE-ELSE");
        String own = "Bearer " + TestKeys.institution(hospital);
        given().header("Authorization", other).post("/clearings/" + august + "/confirmation").then().statusCode(404)
                .body("code", equalTo("STATEMENT_NOT_FOUND"));
        given().header("Authorization", other).get("/clearings/" + august).then().statusCode(404);
        given().header("Authorization", other).queryParam("month", "2026-08").get("/clearings").then()
                .body("items.institutionCode", org.hamcrest.Matchers.not(hasItem(hospital)));
        given().header("Authorization", own).queryParam("month", "2026-08").get("/clearings").then()
                .body("items.statementId", equalTo(List.of(august)));
        given().header("Authorization", own).get("/clearings/" + august).then().statusCode(200)
                .body("totalAmount", yuan("13630")).body("lines", hasSize(2));
        given().contentType(ContentType.JSON).body(Map.of("paymentReference", "BANK-1"))
                .post("/clearings/" + august + "/payment").then().statusCode(409)
                .body("code", equalTo("STATEMENT_NOT_CONFIRMED"));
        given().header("Authorization", own).post("/clearings/" + august + "/confirmation").then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        given().header("Authorization", own).post("/clearings/" + august + "/confirmation").then().statusCode(409)
                .body("code", equalTo("STATEMENT_NOT_DRAFT"));
        given().contentType(ContentType.JSON).body(Map.of("paymentReference", " "))
                .post("/clearings/" + august + "/payment").then().statusCode(400)
                .body("violations[0].field", equalTo("paymentReference"));
        given().contentType(ContentType.JSON).body(Map.of("paymentReference", "BANK-20260905-001"))
                .post("/clearings/" + august + "/payment").then().statusCode(200).body("status", equalTo("PAID"))
                .body("paymentReference", equalTo("BANK-20260905-001"));
    }

    /**
     * The invariant of clearing: the sum of an institution's statements equals the fund paid by its
     * completed settlements (all of them cleared), to the cent; every completed settlement is in one
     * statement, every cancelled one either in none or in one statement and one adjustment.
     */
    void assertInvariant(String institution) {
        Object[] sums = (Object[]) em.createNativeQuery("select"
                        + " (select coalesce(sum(total_amount), 0) from {h-schema}clearing_statement where institution_code = ?1),"
                        + " (select coalesce(sum(fund_paid_total), 0) from {h-schema}settlement where institution_code = ?1"
                        + " and status = 'COMPLETED' and not claim),"
                        + " (select count(*) from {h-schema}settlement where institution_code = ?1 and ("
                        + " (status = 'COMPLETED' and statement_id is null)"
                        + " or (status = 'CANCELLED' and (statement_id is null) <> (adjustment_statement_id is null))))")
                .setParameter(1, institution).getSingleResult();
        assertEquals(0, ((BigDecimal) sums[0]).compareTo((BigDecimal) sums[1]), "statements " + sums[0]
                + " vs completed settlements " + sums[1]);
        assertEquals(0L, ((Number) sums[2]).longValue(), "settlements not in exactly one statement or adjustment");
    }

    @Test
    void theAgencysFiguresOfAPeriodAreReadByTypeAndPageBySettlement() {
        String hospital = newInstitution();
        String own = "Bearer " + TestKeys.institution(hospital);
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long person = HospitalCounter.employee("100.00");
            ids.add(HospitalCounter.settle(outpatient(person, hospital, "per")).statusCode(201)
                    .extract().path("settlementId"));
        }
        HospitalCounter.cancel(ids.get(2)).statusCode(200);
        long stayer = HospitalCounter.employee("0");
        Map<String, Object> stay = HospitalCounter.hospitalStay(stayer, "per-stay-" + stayer);
        stay.put("institutionCode", hospital);
        ids.add(HospitalCounter.settle(stay).statusCode(201).extract().path("settlementId"));
        madeOn(hospital, "2026-11-20T04:00:00Z", "'COMPLETED'"); // the outpatient two and the stay on 20 November

        // the same figures as the day's reconciliation: 2 x (1,000: fund 200, account 100, cash 700); the stay 18,500
        given().header("Authorization", own).queryParam("institutionCode", hospital).queryParam("from", "2026-11-01")
                .queryParam("to", "2026-11-30").get("/reconciliations/agency-totals").then().statusCode(200)
                .body("byType", hasSize(2))
                .body("byType[0].medicalType", equalTo("11")).body("byType[0].insuranceType", equalTo("310"))
                .body("byType[0].insuredRegion", equalTo("150400")).body("byType[0].count", equalTo(2))
                .body("byType[0].totalAmount", yuan("2000")).body("byType[0].fundPaidTotal", yuan("400"))
                .body("byType[0].accountPaid", yuan("200")).body("byType[0].cashPaid", yuan("1400"))
                .body("byType[0].familyAccountPaid", yuan("0"))
                .body("byType[1].medicalType", equalTo("21")).body("byType[1].fundPaidTotal", yuan("13030"));
        given().header("Authorization", own).queryParam("institutionCode", hospital).queryParam("from", "2026-11-21")
                .queryParam("to", "2026-12-01").get("/reconciliations/agency-totals").then().statusCode(200)
                .body("byType", empty());

        // pages of 2: the cancelled one is not there
        String pageOne = "/reconciliations/agency-settlements";
        Integer next = given().header("Authorization", own).queryParam("institutionCode", hospital)
                .queryParam("from", "2026-11-20").queryParam("to", "2026-11-20").queryParam("limit", 2)
                .get(pageOne).then().statusCode(200)
                .body("settlements.settlementId", equalTo(List.of(ids.get(0), ids.get(1))))
                .body("settlements[0].visitId", containsString("per-"))
                .body("settlements[0].accountPaid", yuan("100")).body("settlements[0].familyAccountPaid", yuan("0"))
                .extract().path("nextAfterId");
        given().header("Authorization", own).queryParam("institutionCode", hospital).queryParam("from", "2026-11-20")
                .queryParam("to", "2026-11-20").queryParam("limit", 2).queryParam("afterId", next)
                .get(pageOne).then().statusCode(200)
                .body("settlements.settlementId", equalTo(List.of(ids.get(3))))
                .body("settlements[0].medicalType", equalTo("21")).body("nextAfterId", org.hamcrest.Matchers.nullValue());

        // refusals naming the field; another institution's figures are not its to read
        given().header("Authorization", own).queryParam("institutionCode", hospital).queryParam("from", "2026-11-20")
                .queryParam("to", "2027-03-01").get("/reconciliations/agency-totals").then().statusCode(400)
                .body("violations[0].field", equalTo("to"));
        given().header("Authorization", own).queryParam("institutionCode", hospital).queryParam("from", "20261120")
                .queryParam("to", "2026-11-20").get("/reconciliations/agency-totals").then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
        given().header("Authorization", own).queryParam("institutionCode", hospital).queryParam("from", "2026-11-20")
                .queryParam("to", "2026-11-20").queryParam("limit", "0").get(pageOne).then().statusCode(400)
                .body("violations[0].field", equalTo("limit"));
        given().header("Authorization", "Bearer " + TestKeys.institution("SOMEONE-ELSE"))
                .queryParam("institutionCode", hospital).queryParam("from", "2026-11-20").queryParam("to", "2026-11-20")
                .get(pageOne).then().statusCode(403);
    }

    @Test
    void cancellationsRacingTheClosingOfTheirMonthLandOnceEach() throws Exception {
        String hospital = newInstitution();
        List<Integer> ids = new ArrayList<>();
        for (int p = 0; p < 8; p++) {
            long person = HospitalCounter.employee("50.00");
            for (int v = 0; v < 3; v++) {
                ids.add(HospitalCounter.settle(outpatient(person, hospital, "race" + v)).statusCode(201)
                        .extract().path("settlementId"));
            }
        }
        madeOn(hospital, "2026-07-20T04:00:00Z", "'COMPLETED'");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> answers = new ArrayList<>();
        answers.add(pool.submit(() -> close("2026-07", hospital).extract().statusCode()));
        for (int i = 0; i < ids.size(); i += 2) {
            int id = ids.get(i);
            answers.add(pool.submit(() -> HospitalCounter.cancel(id).extract().statusCode()));
        }
        for (Future<Integer> answer : answers) {
            int status = answer.get();
            assertEquals(true, status == 200 || status == 201, "status " + status);
        }
        pool.shutdown();
        cancelledOn(hospital, "2026-08-03T04:00:00Z");
        close("2026-08", hospital).statusCode(201);
        assertInvariant(hospital);
        given().queryParam("institutionCode", hospital).get("/clearings").then().body("items", hasSize(2));
    }

    @Test
    void remoteCareIsClearedBetweenProvincesAndTheFundReportedAsJsonAndCsv() {
        HospitalCounter.institution("CQ-500103", "500103", 3, "HOSPITAL", true);
        String policy = given().get("/policies/150400/310/2026").then().statusCode(200).extract().asString();
        given().contentType(ContentType.JSON).body(policy).put("/policies/510100/310/" + TestData.TODAY.getYear())
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
        long person = HospitalCounter.enroll("310", "RETIRED", "510100");
        Map<String, Object> visit = HospitalCounter.outpatient(person, "CQ-500103", "cq-" + person, "1000");
        visit.put("serviceDate", TestData.TODAY.toString());
        // Sichuan insured in Chongqing (exempt): 400 x (50% + 5% retiree) = 220 owed by Sichuan's fund
        HospitalCounter.settle(visit).statusCode(201).body("mode", equalTo("REMOTE_EXEMPT")).body("poolFundPaid", yuan("220"));
        madeOn("CQ-500103", "2025-05-12T04:00:00Z", "'COMPLETED'");
        given().queryParam("month", "2025-05").get("/remote-clearings").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].insuredProvince", equalTo("510000"))
                .body("items[0].destinationProvince", equalTo("500000")).body("items[0].settlementCount", equalTo(1))
                .body("items[0].fundAmount", yuan("220"));
        given().queryParam("region", "510000").queryParam("month", "2025-05").get("/reports/fund").then()
                .statusCode(200).body("rows", hasSize(1)).body("rows[0].medicalType", equalTo("11"))
                .body("rows[0].poolFundPaid", yuan("220")).body("rows[0].cashPaid", yuan("780"))
                .body("total.count", equalTo(1));
        String csv = given().accept("text/csv").queryParam("region", "510100").queryParam("month", "2025-05")
                .get("/reports/fund").then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertEquals("region,month,medicalType,insuranceType,count,totalAmount,poolFundPaid,catastrophicPaid,"
                + "accountPaid,cashPaid,assistancePaid\r\n510100,2025-05,11,310,1,1000.00,220.00,0.00,0.00,780.00,0.00\r\n"
                + "510100,2025-05,ALL,ALL,1,1000.00,220.00,0.00,0.00,780.00,0.00\r\n", csv);
        given().queryParam("region", "51").queryParam("month", "2025-05").get("/reports/fund").then().statusCode(400)
                .body("violations[0].field", equalTo("region"));
        given().queryParam("month", "2025-13").get("/remote-clearings").then().statusCode(400)
                .body("violations[0].field", equalTo("month"));
    }

    @Test
    void closingForEveryInstitutionSkipsThoseAlreadyClosed() {
        String a = newInstitution();
        String b = newInstitution();
        for (String code : List.of(a, b)) {
            long person = HospitalCounter.employee("0");
            HospitalCounter.settle(outpatient(person, code, "all")).statusCode(201);
            madeOn(code, "2024-03-10T04:00:00Z", "'COMPLETED'");
        }
        // the same Idempotency-Key replays the first answer instead of a 409
        String key = TestData.key();
        int first = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("month", "2024-03", "institutionCode", a)).post("/clearings").then().statusCode(201)
                .extract().path("items[0].statementId");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("month", "2024-03", "institutionCode", a)).post("/clearings").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("items[0].statementId", equalTo(first));
        close("2024-03", null).statusCode(201).body("items.institutionCode", equalTo(List.of(b)));
        close("2024-03", null).statusCode(201).body("items", empty());
        close("2024-03", "NO-SUCH").statusCode(422).body("code", equalTo("UNKNOWN_INSTITUTION"));
        close("2024-3", a).statusCode(400);
        given().header("Authorization", "Bearer " + TestKeys.institution(a)).contentType(ContentType.JSON)
                .body(Map.of("month", "2024-03")).post("/clearings").then().statusCode(403);
        given().queryParam("limit", "50").get("/audit").then().statusCode(200)
                .body("items.path", hasItem("/clearings"));
    }
}
