package cn.medins.account.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.medins.account.support.Fixtures;
import cn.medins.testsupport.TestKeys;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Money is never lost or doubled: real concurrent HTTP requests against the real database. */
@QuarkusTest
class MoneySafetyTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    AgroalDataSource dataSource;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(String path, String key, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path.substring(1)))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TestKeys.agency())
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Fires all tasks at the same moment and returns their results. */
    private static <T> List<T> together(int n, Function<Integer, Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<T> call = task.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private BigDecimal sumOfEntries(long personId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             var s = c.prepareStatement("select coalesce(sum(amount), 0) from account.account_entry where person_id = ?")) {
            s.setLong(1, personId);
            ResultSet rs = s.executeQuery();
            rs.next();
            return rs.getBigDecimal(1);
        }
    }

    private void assertLedgerHolds(long personId) throws SQLException {
        BigDecimal balance = new BigDecimal(Fixtures.balance(personId));
        assertEquals(0, balance.compareTo(sumOfEntries(personId)), "balance " + balance + " = sum of entries");
        assertTrue(balance.signum() >= 0);
        try (Connection c = dataSource.getConnection();
             var s = c.prepareStatement("select amount, balance_after from account.account_entry "
                     + "where person_id = ? order by id")) {
            s.setLong(1, personId);
            ResultSet rs = s.executeQuery();
            BigDecimal running = BigDecimal.ZERO;
            while (rs.next()) {
                running = running.add(rs.getBigDecimal(1));
                assertEquals(0, running.compareTo(rs.getBigDecimal(2)), "each entry's balanceAfter is the running sum");
                assertTrue(running.signum() >= 0, "never negative");
            }
        }
    }

    @Test
    void fiftyParallelPaymentsAgainstABalanceForTwenty() throws Exception {
        long id = Fixtures.employeeWithBalance("20.00");
        List<Integer> statuses = together(50, i -> () -> post("/accounts/" + id + "/payments", "pay-" + id + "-" + i,
                "{\"amount\":1.00,\"purpose\":\"PHARMACY\",\"reference\":\"drug-" + i + "\"}").statusCode());

        Map<Integer, Long> counts = statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertEquals(20L, counts.get(201), "exactly the balance's worth is paid: " + counts);
        assertEquals(30L, counts.get(422), "the rest is refused with INSUFFICIENT_BALANCE: " + counts);
        assertEquals("0.00", Fixtures.balance(id));
        assertLedgerHolds(id);
    }

    @Test
    void identicalConcurrentRequestsWithOneKeyPayOnce() throws Exception {
        long id = Fixtures.employeeWithBalance("100.00");
        String key = "same-key-" + id;
        String body = "{\"amount\":7.00,\"purpose\":\"OUTPATIENT\",\"reference\":\"once-" + id + "\"}";
        List<HttpResponse<String>> responses = together(20, i -> () -> post("/accounts/" + id + "/payments", key, body));

        for (HttpResponse<String> r : responses) {
            assertTrue(r.statusCode() == 201 || r.statusCode() == 409, "201 (first or replay) or 409 in flight: "
                    + r.statusCode() + " " + r.body());
            if (r.statusCode() == 409) {
                assertTrue(r.body().contains("IDEMPOTENCY_KEY_IN_FLIGHT"), r.body());
            }
        }
        assertEquals("93.00", Fixtures.balance(id));
        HttpResponse<String> replay = post("/accounts/" + id + "/payments", key, body);
        assertEquals(201, replay.statusCode());
        assertEquals("true", replay.headers().firstValue("Idempotent-Replayed").orElse(null));
        assertEquals("93.00", Fixtures.balance(id));
        assertLedgerHolds(id);
    }

    @Test
    void concurrentPaymentsWithOneReferenceButOtherKeysPayOnce() throws Exception {
        long id = Fixtures.employeeWithBalance("100.00");
        String body = "{\"amount\":9.00,\"purpose\":\"OUTPATIENT\",\"reference\":\"ref-once-" + id + "\"}";
        List<HttpResponse<String>> responses = together(12, i -> () -> post("/accounts/" + id + "/payments",
                "ref-key-" + id + "-" + i, body));

        Map<Integer, Long> counts = responses.stream().collect(Collectors.groupingBy(HttpResponse::statusCode,
                Collectors.counting()));
        assertEquals(Map.of(201, 1L, 409, 11L), counts, "one payment, the others refused by the reference's key");
        String paymentId = responses.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow().body()
                .replaceAll(".*\"paymentId\":(\\d+).*", "$1");
        responses.stream().filter(r -> r.statusCode() == 409).forEach(r -> {
            assertTrue(r.body().contains("DUPLICATE_REFERENCE"), r.body());
            assertTrue(r.body().contains("Payment " + paymentId + " was already made"), r.body());
        });
        assertEquals("91.00", Fixtures.balance(id));
        assertLedgerHolds(id);
    }

    @Test
    void aRepeatedReferenceIsNamedEvenWhenTheBalanceNoLongerCoversIt() throws Exception {
        long id = Fixtures.employeeWithBalance("10.00");
        String body = "{\"amount\":6.00,\"purpose\":\"OUTPATIENT\",\"reference\":\"twice-" + id + "\"}";
        assertEquals(201, post("/accounts/" + id + "/payments", "first-" + id, body).statusCode());
        HttpResponse<String> again = post("/accounts/" + id + "/payments", "second-" + id, body);
        assertEquals(409, again.statusCode(), again.body());
        assertTrue(again.body().contains("DUPLICATE_REFERENCE"), again.body());
        assertEquals("4.00", Fixtures.balance(id));
        // the refused request did not burn its key: with a new reference it pays
        assertEquals(201, post("/accounts/" + id + "/payments", "second-" + id,
                body.replace("twice-", "other-").replace("6.00", "4.00")).statusCode());
        assertEquals("0.00", Fixtures.balance(id));
        assertLedgerHolds(id);
    }

    @Test
    void aKeyReusedWithAnotherBodyIsRefused() throws Exception {
        long id = Fixtures.employeeWithBalance("100.00");
        String key = "reuse-" + id;
        assertEquals(201, post("/accounts/" + id + "/payments", key,
                "{\"amount\":5.00,\"purpose\":\"OUTPATIENT\",\"reference\":\"a-" + id + "\"}").statusCode());
        HttpResponse<String> other = post("/accounts/" + id + "/payments", key,
                "{\"amount\":6.00,\"purpose\":\"OUTPATIENT\",\"reference\":\"a-" + id + "\"}");
        assertEquals(422, other.statusCode());
        assertTrue(other.body().contains("IDEMPOTENCY_KEY_REUSED"));
        HttpResponse<String> otherPath = post("/persons/" + id + "/contributions", key,
                "{\"period\":\"2024-05\",\"individualAmount\":1,\"employerAmount\":0}");
        assertEquals(422, otherPath.statusCode(), "a key belongs to one request, whatever the path");
        assertEquals("95.00", Fixtures.balance(id));
    }

    @Test
    void aRefusedRequestDoesNotBurnItsKey() throws Exception {
        long id = Fixtures.employeeWithBalance("5.00");
        String key = "retry-" + id;
        String body = "{\"amount\":8.00,\"purpose\":\"OUTPATIENT\",\"reference\":\"retry-" + id + "\"}";
        assertEquals(422, post("/accounts/" + id + "/payments", key, body).statusCode());
        Fixtures.contribute(id, "2024-02", "5.00", "0").statusCode(201);
        assertEquals(201, post("/accounts/" + id + "/payments", key, body).statusCode());
        assertEquals("2.00", Fixtures.balance(id));
    }

    @Test
    void concurrentRefundsOfOnePaymentRefundOnce() throws Exception {
        long id = Fixtures.employeeWithBalance("50.00");
        int paymentId = Fixtures.pay(id, "30.00", "refund-race", false).statusCode(201).extract().path("paymentId");
        List<Integer> statuses = together(10, i -> () -> post("/accounts/" + id + "/payments/" + paymentId + "/refund",
                "refund-" + id + "-" + i, "").statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(9, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals("50.00", Fixtures.balance(id));
        assertLedgerHolds(id);
    }

    @Test
    void concurrentDuplicateEnrollmentsCreateOneEnrollment() throws Exception {
        String idNumber = Fixtures.idNumber();
        String body = "{\"idNumber\":\"" + idNumber + "\",\"name\":\"并发\",\"insuranceType\":\"310\","
                + "\"personType\":\"IN_SERVICE\",\"insuredRegion\":\"150400\"}";
        List<Integer> statuses = together(10, i -> () -> post("/persons", null, body).statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(9, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    }

    @Test
    void theLedgerSumsToTheBalanceAfterARandomMixOfOperations() throws Exception {
        long holder = Fixtures.employeeWithBalance("300.00");
        long child = Fixtures.resident();
        given().contentType("application/json").body(Map.of("memberPersonId", child, "relation", "CHILD"))
                .post("/accounts/" + holder + "/family-members").then().statusCode(201);
        Random random = new Random(20261122L);
        List<Integer> payments = new ArrayList<>();
        int month = 2;
        for (int i = 0; i < 60; i++) {
            int op = random.nextInt(4);
            String amount = BigDecimal.valueOf(random.nextInt(9000) + 1, 2).toPlainString();
            if (op == 0 && month <= 12) {
                Fixtures.contribute(holder, String.format("2024-%02d", month++), amount, "100").statusCode(201);
            } else if (op == 1 || op == 2) {
                String beneficiary = op == 2 ? ",\"beneficiaryPersonId\":" + child : "";
                HttpResponse<String> r = post("/accounts/" + holder + "/payments", Fixtures.key(),
                        "{\"amount\":" + amount + ",\"purpose\":\"OUTPATIENT\",\"reference\":\"mix-" + i + "\","
                                + "\"allowPartial\":" + random.nextBoolean() + beneficiary + "}");
                assertTrue(r.statusCode() == 201 || r.statusCode() == 422, r.body());
                if (r.statusCode() == 201) {
                    payments.add(io.restassured.path.json.JsonPath.from(r.body()).getInt("paymentId"));
                }
            } else if (!payments.isEmpty()) {
                int paymentId = payments.remove(random.nextInt(payments.size()));
                assertEquals(201, post("/accounts/" + holder + "/payments/" + paymentId + "/refund", Fixtures.key(), "")
                        .statusCode());
            }
            assertLedgerHolds(holder);
        }
    }

    @Test
    void theLedgerIsAppendOnlyInTheDatabase() throws Exception {
        long id = Fixtures.employeeWithBalance("10.00");
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            SQLException update = assertThrows(SQLException.class, () ->
                    s.executeUpdate("update account.account_entry set amount = 1000 where person_id = " + id));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            assertThrows(SQLException.class, () ->
                    s.executeUpdate("delete from account.account_entry where person_id = " + id));
            assertThrows(SQLException.class, () ->
                    s.executeUpdate("update account.personal_account set balance = -1 where person_id = " + id));
        }
        assertLedgerHolds(id);
    }
}
