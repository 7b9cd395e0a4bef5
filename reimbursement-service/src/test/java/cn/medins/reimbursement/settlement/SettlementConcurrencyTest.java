package cn.medins.reimbursement.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.medins.reimbursement.support.HospitalCounter;
import cn.medins.testsupport.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Settlements of one person at the same moment can never both use the last of a cap. */
@QuarkusTest
class SettlementConcurrencyTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void concurrentSettlementsShareTheYearlyCapExactly() throws Exception {
        HospitalCounter.setUpReferenceData();
        long person = HospitalCounter.employee("250.00");
        // each visit: 1,000 at a primary institution (level 1, 60%); the yearly cap of 1,800 and the
        // deductible of 600 are shared by all twelve
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            bodies.add(visit(person, "c" + i + "-" + person, 1000));
        }
        BigDecimal fund = BigDecimal.ZERO;
        BigDecimal deductible = BigDecimal.ZERO;
        BigDecimal account = BigDecimal.ZERO;
        for (HttpResponse<String> r : settleTogether(bodies)) {
            assertEquals(201, r.statusCode(), r.body());
            JsonPath json = JsonPath.from(r.body()).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
            fund = fund.add(json.getObject("poolFundPaid", BigDecimal.class));
            deductible = deductible.add(json.getObject("deductibleApplied", BigDecimal.class));
            account = account.add(json.getObject("accountPaid", BigDecimal.class));
            BigDecimal burden = json.getObject("personalBurden", BigDecimal.class);
            assertEquals(burden, json.getObject("accountPaid", BigDecimal.class).add(json.getObject("cashPaid",
                    BigDecimal.class)));
        }
        assertEquals(new BigDecimal("600.00"), deductible, "the yearly deductible is consumed exactly once");
        assertEquals(new BigDecimal("1800.00"), fund, "the fund pays exactly the yearly cap, never more");
        assertEquals(new BigDecimal("250.00"), account, "the account pays exactly its balance, never more");
        assertEquals("0.00", HospitalCounter.balance(person));
        HospitalCounter.accumulators(person, 2026).body("outpatientFundPaid", TestData.yuan("1800"))
                .body("outpatientCapRemaining", TestData.yuan("0"));
        assertTrue(fund.signum() > 0);
    }

    @Test
    void concurrentSettlementsOfOneVisitWithOtherKeysSettleItOnce() throws Exception {
        HospitalCounter.setUpReferenceData();
        long person = HospitalCounter.employee("1000.00");
        String body = visit(person, "once-" + person, 100);
        List<HttpResponse<String>> settled = new ArrayList<>();
        List<HttpResponse<String>> refused = new ArrayList<>();
        for (HttpResponse<String> r : settleTogether(Collections.nCopies(10, body))) {
            (r.statusCode() == 201 ? settled : refused).add(r);
        }
        assertEquals(1, settled.size(), "the visit settles once");
        long id = JsonPath.from(settled.get(0).body()).getLong("settlementId");
        for (HttpResponse<String> r : refused) {
            assertEquals(409, r.statusCode(), r.body());
            assertTrue(r.body().contains("ALREADY_SETTLED") && r.body().contains("settlement " + id + " ("),
                    r.body());
        }
        // the account paid once: 100 within the deductible, all from the account
        assertEquals("900.00", HospitalCounter.balance(person));
        HospitalCounter.accumulators(person, 2026).body("outpatientDeductibleUsed", TestData.yuan("100"));
    }

    private static String visit(long person, String visitId, int price) {
        return "{\"personId\":" + person + ",\"institutionCode\":\"" + HospitalCounter.PRIMARY + "\",\"visitId\":\"" + visitId
                + "\",\"medicalType\":\"11\",\"serviceDate\":\"2026-07-01\",\"useAccount\":true,"
                + "\"lines\":[{\"itemCode\":\"A001\",\"quantity\":1,\"unitPrice\":" + price + "}]}";
    }

    /** Posts every body as a settlement, each with its own key, all at the same moment. */
    private List<HttpResponse<String>> settleTogether(List<String> bodies) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(bodies.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (String body : bodies) {
            futures.add(pool.submit(() -> {
                start.await();
                return http.send(HttpRequest.newBuilder(URI.create(base + "settlements"))
                        .header("Content-Type", "application/json").header("Idempotency-Key", TestData.key())
                        .header("Authorization", "Bearer " + cn.medins.testsupport.TestKeys.agency())
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            }));
        }
        start.countDown();
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (Future<HttpResponse<String>> f : futures) {
            responses.add(f.get());
        }
        pool.shutdown();
        return responses;
    }
}
