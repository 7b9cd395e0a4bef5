package cn.medins.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.medins.testsupport.BadInputWalk;
import cn.medins.testsupport.PackagedService;
import cn.medins.testsupport.TestDefaultsCallback;
import cn.medins.testsupport.TestKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged services, started as production starts them (deploy/run-java.sh: its heap and
 * -XX:+ExitOnOutOfMemoryError), receive each documented maximum, bodies just over it, exponent amounts,
 * deep nesting, a zip bomb and eight maximum-size requests at once: every one is answered, and each
 * service is alive afterwards.
 */
class HostileInputTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static PackagedService accounts;
    private static PackagedService reimbursement;
    private static PackagedService gateway;

    @BeforeAll
    static void start() {
        TestDefaultsCallback.apply();
        Suite.start(); // the schemas migrated, so that these instances start on them
        accounts = PackagedService.startAsInProduction("account-service", Map.of());
        reimbursement = PackagedService.startAsInProduction("reimbursement-service",
                Map.of("quarkus.rest-client.account-service.url", accounts.url()));
        gateway = PackagedService.startAsInProduction("nhsa-gateway", Map.of(
                "quarkus.rest-client.account-service.url", accounts.url(),
                "quarkus.rest-client.reimbursement-service.url", reimbursement.url()));
    }

    /** What each service holds after all this, for docs/performance.md: resident now and at its peak (Linux). */
    @AfterAll
    static void stop() throws Exception {
        for (PackagedService s : new PackagedService[] {accounts, reimbursement, gateway}) {
            if (s == null) {
                continue;
            }
            java.nio.file.Path status = java.nio.file.Path.of("/proc", String.valueOf(s.pid()), "status");
            if (java.nio.file.Files.exists(status)) {
                System.out.println("HostileInputTest memory " + s.url() + ": " + java.nio.file.Files.readAllLines(status)
                        .stream().filter(l -> l.startsWith("VmRSS") || l.startsWith("VmHWM"))
                        .map(l -> l.replaceAll("\\s+", " ")).toList());
            }
        }
        for (PackagedService s : new PackagedService[] {gateway, reimbursement, accounts}) {
            if (s != null) {
                s.stop();
            }
        }
    }

    /** The bad-input walk (every operation: wrong types, exponents, 900-deep nesting, 415s, 413s) at production settings. */
    @Test
    void theBadInputWalkHoldsAgainstTheServicesAsProductionStartsThem() throws Exception {
        BadInputWalk.assertHolds(URI.create(accounts.url()).toURL());
        BadInputWalk.assertHolds(URI.create(reimbursement.url()).toURL());
        assertAlive(accounts);
        assertAlive(reimbursement);
    }

    @Test
    void anImportOfTheLargestListAndLargerOnesAreAnswered() throws Exception {
        StringBuilder csv = new StringBuilder("idNumber,name,category,validFrom,validTo,documentRef\n");
        for (int i = 0; i < 100_000; i++) {
            csv.append("11010119900101").append(String.format("%04d", i)).append(",测试人员").append(i)
                    .append(",SUBSISTENCE,2026-01-01,,民发〔2026〕12号 第").append(i).append("批\n");
        }
        HttpResponse<String> all = post(accounts, "/assistance-identities/imports", "text/csv", bytes(csv), agency());
        assertEquals(200, all.statusCode(), all.body().substring(0, Math.min(300, all.body().length())));
        assertTrue(all.body().contains("\"rows\":100000"), "every row read");

        // eight of the largest at once: each answered, one at a time as imports run, or 503 (SERVER_BUSY
        // past the large bodies' budget, IMPORT_RUNNING past 2 s) with Retry-After; the service stays up
        byte[] largest = bytes(csv);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int n = 0; n < 8; n++) {
            answers.add(pool.submit(() -> post(accounts, "/assistance-identities/imports", "text/csv", largest, agency())));
        }
        int imported = 0;
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> r = answer.get();
            assertTrue(r.statusCode() == 200 || (r.statusCode() == 503 && (r.body().contains("SERVER_BUSY")
                    || r.body().contains("IMPORT_RUNNING")) && r.headers().firstValue("Retry-After").isPresent()),
                    r.statusCode() + " " + r.body());
            imported += r.statusCode() == 200 ? 1 : 0;
        }
        pool.shutdown();
        assertTrue(imported >= 1, "at least one of the eight was imported");
        assertAlive(accounts);

        csv.append("110101199001019999,测试,SUBSISTENCE,2026-01-01,,x\n");
        assertProblem(post(accounts, "/assistance-identities/imports", "text/csv", bytes(csv), agency()), 400,
                "100000 rows");
        String oneLongLine = "idNumber,name,category,validFrom,validTo,documentRef\n1," + "x".repeat(9_900_000) + "\n";
        HttpResponse<String> longLine = post(accounts, "/assistance-identities/imports", "text/csv",
                bytes(oneLongLine), agency());
        assertEquals(200, longLine.statusCode(), longLine.body());
        assertTrue(longLine.body().contains("unreadable CSV"), longLine.body());
        assertProblem(post(accounts, "/assistance-identities/imports", "text/csv", new byte[17 << 20], agency()), 413,
                "16 MiB");
        assertAlive(accounts);
    }

    @Test
    void feeLineBatchesOverTheirLimitAreRefusedBeforeTheyAreObjects() throws Exception {
        String path = "/visits/H0001/V1/fee-lines";
        assertProblem(post(reimbursement, path, "application/json", feeLines(40_000), agency()), 413, "2 MiB");
        HttpResponse<String> tooMany = post(reimbursement, path, "application/json", feeLines(1_500), agency());
        assertProblem(tooMany, 400, "lines");
        assertTrue(tooMany.body().contains("at most 1000"), tooMany.body());
        assertProblem(post(reimbursement, path, null, feeLines(1), agency()), 415, "Content-Type");
        assertProblem(post(reimbursement, path, "application/json; charset=utf-16", feeLines(1), agency()), 415, "utf-16");
        assertProblem(post(reimbursement, path, "application/json", new byte[40 << 20], agency()), 413, "32 MiB");
        String deep = "{\"lines\":" + "[".repeat(900) + "]".repeat(900) + "}";
        assertProblem(post(reimbursement, path, "application/json", bytes(deep), agency()), 400, "");
        assertAlive(reimbursement);
    }

    @Test
    void theGatewayAnswersEveryHostileEnvelopeAsAnEnvelope() throws Exception {
        String institution = "H4400000001";
        String run = Long.toString(System.nanoTime(), 36); // the gateway's journal outlives a test run
        String token = TestKeys.institution(institution);
        String signNo = field(envelope(token, "{\"infno\":\"9001\",\"msgid\":\"H-SIGN-" + run + "\",\"fixmedins_code\":\""
                + institution + "\",\"input\":{\"signIn\":{\"opter_no\":\"1\"}}}"), "sign_no");
        String head = "{\"infno\":\"%s\",\"msgid\":\"%s\",\"fixmedins_code\":\"" + institution + "\",\"sign_no\":\""
                + signNo + "\",\"input\":";
        for (String infno : List.of("2206", "2207", "2303", "2304", "3201")) {
            String reply = envelope(token, String.format(head, infno, "H-EXP-" + infno + run)
                    + "{\"data\":{\"mdtrt_id\":\"V1\",\"psn_no\":\"1\",\"insutype\":\"310\",\"clr_type\":\"11\","
                    + "\"medfee_sumamt\":\"1E-999999999\","
                    + "\"fund_pay_sumamt\":\"1E+99999999\",\"fixmedins_setl_cnt\":\"1E+99999999\","
                    + "\"stmt_begndate\":\"2026-12-01\",\"stmt_enddate\":\"2026-12-01\"},\"mdtrtinfo\":{\"mdtrt_id\":\"V1\","
                    + "\"medfee_sumamt\":\"1E-999999999\"}}}");
            // refused by its text before any arithmetic, quoted short
            assertTrue(reply.contains("\"infcode\":-1") && reply.contains("应为数值") && reply.length() < 2_000,
                    infno + ": " + reply);
        }
        String deep = String.format(head, "2301", "H-DEEP" + run) + "[".repeat(900) + "]".repeat(900) + "}";
        assertTrue(envelope(token, deep).contains("LIMIT_EXCEEDED"));
        String tooLong = String.format(head, "2301", "H-LONG" + run) + "{\"x\":\"" + "y".repeat(25 << 20) + "\"}}";
        assertTrue(envelope(token, tooLong).contains("PAYLOAD_TOO_LARGE"));
        String bomb = String.format(head, "9101", "H-BOMB" + run) + "{\"fsUploadIn\":{\"filename\":\"d.zip\",\"in\":\""
                + java.util.Base64.getEncoder().encodeToString(zipOfZeros(60 << 20)) + "\"}}}";
        String bombNo = field(envelope(token, bomb), "file_qury_no");
        String detail = envelope(token, String.format(head, "3202", "H-3202" + run) + "{\"data\":{\"file_qury_no\":\""
                + bombNo + "\",\"stmt_begndate\":\"2026-12-01\",\"stmt_enddate\":\"2026-12-01\",\"medfee_sumamt\":\"0\","
                + "\"fund_pay_sumamt\":\"0\",\"fixmedins_setl_cnt\":\"1\"}}}");
        assertTrue(detail.contains("\"infcode\":-1") && detail.contains("明细文件"), detail);

        // eight 9101 uploads of the largest file, as a list of byte values (some 18 MB each), at once
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 4 << 20; i++) {
            file.append(i == 0 ? "" : ",").append((i * 31) % 256 - 128);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> replies = new ArrayList<>();
        for (int n = 0; n < 8; n++) {
            String body = String.format(head, "9101", "H-FILE-" + n + run) + "{\"fsUploadIn\":{\"filename\":\"f.zip\",\"in\":["
                    + file + "]}}}";
            replies.add(pool.submit(() -> envelope(token, body)));
        }
        int stored = 0;
        for (Future<String> reply : replies) {
            String r = reply.get();
            assertTrue(r.contains("\"infcode\"") || r.contains("SERVER_BUSY"), r);
            stored += r.contains("file_qury_no") ? 1 : 0;
        }
        pool.shutdown();
        assertTrue(stored >= 1, "at least one of the eight was stored");
        assertAlive(gateway);
    }

    private static byte[] feeLines(int n) {
        StringBuilder b = new StringBuilder("{\"lines\":[");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append("{\"lineNo\":\"L").append(i).append("\",\"itemCode\":\"X\",\"quantity\":1,"
                    + "\"unitPrice\":1,\"feeDate\":\"2026-12-01\"}");
        }
        return bytes(b.append("]}"));
    }

    private static byte[] zipOfZeros(int size) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("d.txt"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < size >> 20; i++) {
                zip.write(zeros);
            }
        }
        return out.toByteArray();
    }

    private static String envelope(String token, String body) throws Exception {
        HttpResponse<String> r = post(gateway, "/fsi/api/rsfComIfsService/callService", "application/json", bytes(body),
                token);
        assertTrue(r.statusCode() == 200 || r.statusCode() == 503, r.statusCode() + " " + r.body());
        return r.body();
    }

    private static String field(String reply, String name) {
        int at = reply.indexOf("\"" + name + "\":\"");
        assertTrue(at >= 0, name + " in " + reply);
        int from = at + name.length() + 4;
        return reply.substring(from, reply.indexOf('"', from));
    }

    private static void assertProblem(HttpResponse<String> r, int status, String mention) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                "a problem document: " + r.headers().map());
        assertTrue(r.body().contains(mention), r.body());
    }

    private static void assertAlive(PackagedService s) throws Exception {
        HttpResponse<String> live = HTTP.send(HttpRequest.newBuilder(URI.create(s.url() + "/q/health/live")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, live.statusCode(), s.output());
    }

    private static HttpResponse<String> post(PackagedService s, String path, String type, byte[] body, String token)
            throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(s.url() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) {
            r.header("Content-Type", type);
        }
        try {
            return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new AssertionError(path + ": no answer (" + e + "); the service wrote:\n" + tail(s), e);
        }
    }

    private static String tail(PackagedService s) throws java.io.IOException {
        String out = s.output();
        return out.substring(Math.max(0, out.length() - 3000));
    }

    private static String agency() {
        return TestKeys.agency();
    }

    private static byte[] bytes(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
