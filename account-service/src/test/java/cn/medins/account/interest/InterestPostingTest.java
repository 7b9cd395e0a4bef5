package cn.medins.account.interest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.medins.account.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * 计息 through the API: the agency sets a region's rate and posts a year, once per account, while the
 * counters keep paying from the same accounts. The business clock is 1 December 2026, so the year to
 * post is 2025; each account's 2025 is written into its ledger as history (one movement on 1 January
 * 2025 leaving 3,600), as if it had been kept here then.
 */
@QuarkusTest
class InterestPostingTest {

    private static final String REGION = "150499";

    private static Connection database() throws Exception {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
    }

    /** An employee of the region whose account held 3,600 from 1 January 2025. */
    private static long heldAllOf2025() throws Exception {
        long id = Fixtures.enroll("310", "IN_SERVICE", REGION, LocalDate.of(2020, 1, 1));
        try (Connection c = database()) {
            try (PreparedStatement s = c.prepareStatement("insert into account.account_entry (person_id, type, amount,"
                    + " balance_after, reference, description, created_at) values (?, 'INDIVIDUAL_CONTRIBUTION', 3600,"
                    + " 3600, 'HISTORY-2025', 'history', timestamptz '2025-01-01 10:00:00+08')")) {
                s.setLong(1, id);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "update account.personal_account set balance = balance + 3600 where person_id = ?")) {
                s.setLong(1, id);
                s.executeUpdate();
            }
        }
        return id;
    }

    private static io.restassured.response.ValidatableResponse post(int year, String region) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key())
                .body(region == null ? Map.of("year", year) : Map.of("year", year, "insuredRegion", region))
                .post("/interest-postings").then();
    }

    @Test
    void aYearsInterestIsPostedOncePerAccountBesidePayments() throws Exception {
        given().contentType(ContentType.JSON).body(Map.of("annualRate", 0.015)).put("/interest-rates/" + REGION + "/2025")
                .then().statusCode(200).body("annualRate", org.hamcrest.Matchers.comparesEqualTo(new BigDecimal("0.015")));
        List<Long> accounts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            accounts.add(heldAllOf2025());
        }
        // a frozen account earns it too
        given().contentType(ContentType.JSON).body(Map.of("status", "FROZEN")).put("/accounts/" + accounts.get(5) + "/status")
                .then().statusCode(200);

        // counters pay 10 at a time from the first five accounts while the year is posted
        AtomicBoolean posting = new AtomicBoolean(true);
        ExecutorService counters = Executors.newFixedThreadPool(4);
        List<Future<List<Integer>>> paid = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            paid.add(counters.submit(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (int n = 0; posting.get() || n < 5; n++) {
                    long account = accounts.get((thread + n) % 5);
                    statuses.add(Fixtures.pay(account, "10.00", "int-" + thread + "-" + n + "-" + account, false)
                            .extract().statusCode());
                }
                return statuses;
            }));
        }
        post(2025, REGION).statusCode(200).body("accounts", equalTo(6)).body("totalInterest", Fixtures.yuan("328.50"));
        posting.set(false);
        counters.shutdown();
        assertTrue(counters.awaitTermination(30, TimeUnit.SECONDS));
        int payments = 0;
        for (Future<List<Integer>> f : paid) {
            for (int status : f.get()) {
                assertEquals(201, status, "no payment is locked out by the posting");
                payments++;
            }
        }

        // 3,600 x 365 x 1.5% / 360 = 54.75 each; posting again adds nothing
        post(2025, null).statusCode(200).body("accounts", equalTo(0)).body("totalInterest", Fixtures.yuan("0"));
        BigDecimal balances = BigDecimal.ZERO;
        try (Connection c = database()) {
            for (long account : accounts) {
                given().get("/accounts/" + account + "/entries").then().statusCode(200)
                        .body("items.type", hasItem("INTEREST"));
                balances = balances.add(new BigDecimal(Fixtures.balance(account)));
                try (PreparedStatement s = c.prepareStatement("select count(*) filter (where type = 'INTEREST'),"
                        + " sum(amount) from account.account_entry where person_id = ?")) {
                    s.setLong(1, account);
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        assertEquals(1, r.getInt(1), "one interest entry per account");
                        assertEquals(0, r.getBigDecimal(2).compareTo(new BigDecimal(Fixtures.balance(account))),
                                "the ledger sums to the balance");
                    }
                }
            }
        }
        // no cent lost or doubled: 6 x (3,600 + 54.75) less what the counters paid
        assertEquals(new BigDecimal("21928.50").subtract(BigDecimal.TEN.multiply(BigDecimal.valueOf(payments))),
                balances.setScale(2));
    }

    @Test
    void aYearNotOverIsNotPostedAndARateIsInRange() {
        post(2026, REGION).statusCode(422).body("code", equalTo("YEAR_NOT_OVER"));
        given().contentType(ContentType.JSON).body(Map.of("annualRate", 0.2)).put("/interest-rates/" + REGION + "/2025")
                .then().statusCode(400).body("violations.field", hasItem("annualRate"));
        given().contentType(ContentType.JSON).body(Map.of("annualRate", 0.0123456)).put("/interest-rates/" + REGION + "/2024")
                .then().statusCode(400).body("violations.field", hasItem("annualRate"));
        given().get("/interest-rates/" + REGION + "/2019").then().statusCode(404)
                .body("code", equalTo("INTEREST_RATE_NOT_FOUND"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key()).body(Map.of("year", 2025,
                "insuredRegion", "15"))
                .post("/interest-postings").then().statusCode(400).body("violations.field", hasItem("insuredRegion"));
    }
}
