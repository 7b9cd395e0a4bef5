import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Visits with fee details under load (JDK only, a single-file program): STAYS stays of LINES lines each are
 * admitted, uploaded in batches of 1,000 by UPLOADERS counters at once, discharged, and settled one after
 * another as a counter does (with a real account payment); then one stay of BIG lines is uploaded and
 * settled. Prints upload lines/s, the settlement latencies, and the big stay's figures.
 *
 * MEDINS_TOKEN=(an agency token) java bench/Visits.java [STAYS] [LINES] [UPLOADERS] [BIG] [ACCOUNT_URL] [REIMBURSEMENT_URL]
 */
public class Visits {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String TOKEN = System.getenv("MEDINS_TOKEN");
    static final String[] ITEMS = {"BENCH-A", "BENCH-B", "BENCH-X"};

    public static void main(String[] args) throws Exception {
        int stays = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int uploaders = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int big = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        String account = args.length > 4 ? args[4] : "http://localhost:8081";
        String reimbursement = args.length > 5 ? args[5] : "http://localhost:8082";
        call(reimbursement + "/institutions/BENCH-H3", "PUT", "{\"name\":\"bench hospital\",\"region\":\"150402\","
                + "\"level\":3,\"kind\":\"HOSPITAL\",\"designated\":true,\"remoteNetworked\":true}", 200);
        call(reimbursement + "/catalog/BENCH-A", "PUT", "{\"name\":\"bench drug\",\"category\":\"A\"}", 200);
        call(reimbursement + "/catalog/BENCH-B", "PUT", "{\"name\":\"bench drug B\",\"category\":\"B\"}", 200);
        call(reimbursement + "/catalog/BENCH-X", "PUT", "{\"name\":\"bench implant\",\"category\":\"SELF_FUNDED\"}", 200);

        List<String> visits = new ArrayList<>();
        for (int i = 0; i < stays + 1; i++) {
            visits.add(admit(reimbursement, seedPerson(account)));
        }
        String bigVisit = visits.remove(stays);

        List<Long> batchTimes = Collections.synchronizedList(new ArrayList<>());
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(uploaders);
        List<Future<?>> uploads = new ArrayList<>();
        for (String visit : visits) {
            uploads.add(pool.submit(() -> upload(reimbursement, visit, lines, batchTimes)));
        }
        for (Future<?> f : uploads) {
            f.get();
        }
        double uploadSeconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        List<Long> batches = sorted(batchTimes);
        System.out.printf("upload: %d lines (%d stays x %d) by %d counters in %.1f s -> %.0f lines/s; batch of 1,000 ms:"
                        + " p50 %.1f  p99 %.1f%n", (long) stays * lines, stays, lines, uploaders, uploadSeconds,
                stays * (double) lines / uploadSeconds, pct(batches, 50), pct(batches, 99));

        List<Long> previews = new ArrayList<>();
        List<Long> settlements = new ArrayList<>();
        for (String visit : visits) {
            call(reimbursement + visit + "/discharge", "POST", "{\"dischargeDate\":\"2026-07-10\"}", 200);
            previews.add(timed(reimbursement + visit + "/settlement/preview", "{\"useAccount\":true}", 200));
            settlements.add(timed(reimbursement + visit + "/settlement", "{\"useAccount\":true}", 201));
        }
        List<Long> p = sorted(previews);
        List<Long> s = sorted(settlements);
        System.out.printf("settlement of a %d-line stay (%d, one after another) ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f;"
                + " preview p99 %.1f%n", lines, stays, pct(s, 50), pct(s, 95), pct(s, 99), s.get(s.size() - 1) / 1e6,
                pct(p, 99));

        long b0 = System.nanoTime();
        upload(reimbursement, bigVisit, big, new ArrayList<>());
        double bigUpload = (System.nanoTime() - b0) / 1e9;
        call(reimbursement + bigVisit + "/discharge", "POST", "{\"dischargeDate\":\"2026-07-10\"}", 200);
        long read = timed(reimbursement + bigVisit, null, 200);
        long settle = timed(reimbursement + bigVisit + "/settlement", "{\"useAccount\":true}", 201);
        System.out.printf("a %d-line stay: uploaded by one counter in %.1f s (%.0f lines/s), read with its totals in"
                + " %.1f ms, settled in %.1f ms%n", big, bigUpload, big / bigUpload, read / 1e6, settle / 1e6);
        System.out.printf("UPLOAD_LINES_PER_SECOND=%.0f%nSETTLE_P99_MS=%.1f%nBIG_SETTLE_MS=%.1f%n",
                stays * (double) lines / uploadSeconds, pct(s, 99), settle / 1e6);
    }

    static String admit(String reimbursement, long person) {
        String visitId = "bench-" + UUID.randomUUID();
        call(reimbursement + "/visits", "POST", "{\"institutionCode\":\"BENCH-H3\",\"visitId\":\"" + visitId
                + "\",\"personId\":" + person + ",\"medicalType\":\"21\",\"admissionDate\":\"2026-07-01\"}", 201);
        return "/visits/BENCH-H3/" + visitId;
    }

    /** Uploads {@code count} lines in batches of 1,000: three items, prices as bills write them. */
    static void upload(String reimbursement, String visit, int count, List<Long> times) {
        for (int start = 0; start < count; start += 1000) {
            StringBuilder body = new StringBuilder("{\"lines\":[");
            for (int i = start; i < Math.min(count, start + 1000); i++) {
                ThreadLocalRandom r = ThreadLocalRandom.current();
                body.append(i == start ? "" : ",").append("{\"lineNo\":\"").append(i).append("\",\"itemCode\":\"")
                        .append(ITEMS[i % 3]).append("\",\"quantity\":").append(1 + r.nextInt(4))
                        .append(",\"unitPrice\":").append(r.nextInt(1, 5000)).append('.').append(r.nextInt(10, 99))
                        .append(",\"feeDate\":\"2026-07-0").append(1 + i % 9).append("\"}");
            }
            long t0 = System.nanoTime();
            call(reimbursement + visit + "/fee-lines", "POST", body.append("]}").toString(), 200);
            times.add(System.nanoTime() - t0);
        }
    }

    static long timed(String url, String body, int expected) {
        long t0 = System.nanoTime();
        call(url, body == null ? "GET" : "POST", body, expected);
        return System.nanoTime() - t0;
    }

    static long seedPerson(String account) {
        String created = call(account + "/persons", "POST", "{\"idNumber\":\"" + idNumber() + "\",\"name\":\"bench\","
                + "\"insuranceType\":\"310\",\"personType\":\"IN_SERVICE\",\"insuredRegion\":\"150400\","
                + "\"enrolledOn\":\"2020-01-01\"}", 201);
        Matcher m = Pattern.compile("\"personId\":(\\d+)").matcher(created);
        m.find();
        long id = Long.parseLong(m.group(1));
        for (int month = 1; month <= 6; month++) {
            call(account + "/persons/" + id + "/contributions", "POST", "{\"period\":\"2026-0" + month
                    + "\",\"individualAmount\":" + (month == 1 ? "100000" : "0") + ",\"employerAmount\":100}", 201);
        }
        return id;
    }

    /** An 18-digit resident ID number with a valid check digit (GB 11643), as bench/Bench.java makes them. */
    static String idNumber() {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String body = "150402" + java.time.LocalDate.of(1950, 1, 1).plusDays(r.nextInt(20000)).toString().replace("-", "")
                + String.format("%03d", r.nextInt(1000));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    static List<Long> sorted(List<Long> values) {
        List<Long> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }

    static double pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    static String call(String url, String method, String body, int expected) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString());
        HttpRequest request = (body == null ? b.GET() : b.method(method, HttpRequest.BodyPublishers.ofString(body))).build();
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IllegalStateException(method + " " + url + " -> " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(method + " " + url, e);
        }
    }
}
