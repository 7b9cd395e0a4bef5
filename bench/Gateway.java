import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's overhead (JDK only, a single-file program), in one run: outpatient settlements made three
 * ways at the same concurrency for the same time, each of a visit prepared beforehand (registered, one fee
 * line uploaded) so that only the settlement is timed: 2207 through nhsa-gateway; the same visit settlement
 * directly (POST /visits/.../settlement); and a whole bill (POST /settlements). Prints settlements/s and
 * latencies of each.
 *
 * MEDINS_TOKEN=(agency) MEDINS_INSTITUTION_TOKEN=(institution BENCH-GW) java bench/Gateway.java PERSONS CONCURRENCY SECONDS
 */
public class Gateway {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String AGENCY = System.getenv("MEDINS_TOKEN");
    static final String INSTITUTION = System.getenv("MEDINS_INSTITUTION_TOKEN");
    static final String ACCOUNT = "http://localhost:8081";
    static final String REIMBURSEMENT = "http://localhost:8082";
    static final String GATEWAY = "http://localhost:8084/fsi/api/rsfComIfsService/callService";
    static final AtomicLong SEQUENCE = new AtomicLong();
    static String signNo;

    public static void main(String[] args) throws Exception {
        int persons = Integer.parseInt(args[0]);
        int concurrency = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        call(REIMBURSEMENT + "/institutions/BENCH-GW", "PUT", AGENCY, "{\"name\":\"bench hospital\",\"region\":\"150402\","
                + "\"level\":3,\"kind\":\"HOSPITAL\",\"designated\":true,\"remoteNetworked\":true}", 200);
        call(REIMBURSEMENT + "/catalog/BENCH-A", "PUT", AGENCY, "{\"name\":\"bench drug\",\"category\":\"A\"}", 200);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < persons; i++) {
            ids.add(seedPerson());
        }
        String signed = gateway("9001", "{\"signIn\":{\"opter_no\":\"1\",\"mac\":\"-\",\"ip\":\"-\"}}");
        signNo = field(signed, "sign_no");
        int visits = Math.max(200, concurrency * seconds * 40);
        ConcurrentLinkedQueue<String> viaGateway = prepare(ids, visits / 2, true);
        ConcurrentLinkedQueue<String> direct = prepare(ids, visits / 2, false);
        System.out.printf("prepared %d visits each way (2201 + 2204 through the gateway; POST /visits + fee-lines directly)%n",
                viaGateway.size());
        run("2207 through nhsa-gateway", concurrency, seconds, () -> {
            String mdtrtId = viaGateway.poll();
            return mdtrtId == null ? -2 : gatewayStatus("2207", "{\"data\":{\"mdtrt_id\":\"" + mdtrtId
                    + "\",\"acct_used_flag\":\"1\",\"medfee_sumamt\":\"12.50\"}}");
        });
        run("POST /visits/{}/settlement directly", concurrency, seconds, () -> {
            String visit = direct.poll();
            return visit == null ? -2 : send(REIMBURSEMENT + "/visits/BENCH-GW/" + visit + "/settlement", "POST",
                    INSTITUTION, "{\"useAccount\":true}");
        });
        run("POST /settlements (a whole bill) directly", concurrency, seconds, () -> send(REIMBURSEMENT + "/settlements",
                "POST", INSTITUTION, "{\"personId\":" + ids.get(ThreadLocalRandom.current().nextInt(ids.size()))
                        + ",\"institutionCode\":\"BENCH-GW\",\"visitId\":\"" + UUID.randomUUID() + "\",\"medicalType\":\"11\","
                        + "\"serviceDate\":\"" + today() + "\",\"useAccount\":true,\"lines\":[{\"itemCode\":\"BENCH-A\","
                        + "\"quantity\":1,\"unitPrice\":12.5}]}"));
    }

    interface Settle {
        int once() throws Exception;
    }

    static void run(String what, int concurrency, int seconds, Settle settle) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            Thread t = new Thread(() -> {
                try {
                    while (System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        int status = settle.once();
                        if (status == -2) {
                            return; // no prepared visit left
                        }
                        latencies.add(System.nanoTime() - t0);
                        (status == 201 || status == 0 ? ok : failed).incrementAndGet();
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
            });
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%-44s %6.1f settlements/s (%d, %d failed)  p50 %.1f  p95 %.1f  p99 %.1f ms%n", what,
                ok.get() / elapsed, ok.get(), failed.get(), pct(sorted, 50), pct(sorted, 95), pct(sorted, 99));
    }

    /** Visits registered with one line of 12.50 uploaded: through the gateway (mdtrt_id) or directly (visit id). */
    static ConcurrentLinkedQueue<String> prepare(List<Long> ids, int count, boolean viaGateway) throws Exception {
        ConcurrentLinkedQueue<String> ready = new ConcurrentLinkedQueue<>();
        List<Thread> workers = new ArrayList<>();
        AtomicLong next = new AtomicLong();
        for (int w = 0; w < 2; w++) {
            Thread t = new Thread(() -> {
                while (next.getAndIncrement() < count) {
                    long person = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                    String visit = "gw-" + UUID.randomUUID().toString().substring(0, 18);
                    if (viaGateway) {
                        gateway("2201", "{\"data\":{\"psn_no\":\"" + person + "\",\"begntime\":\"" + today()
                                + " 09:00:00\",\"ipt_otp_no\":\"" + visit + "\"}}");
                        gateway("2204", "{\"feedetail\":[{\"feedetl_sn\":\"1\",\"mdtrt_id\":\"" + visit + "\",\"med_list_codg\":"
                                + "\"BENCH-A\",\"cnt\":1,\"pric\":12.5,\"fee_ocur_time\":\"" + today() + " 09:05:00\"}]}");
                    } else {
                        call(REIMBURSEMENT + "/visits", "POST", INSTITUTION, "{\"institutionCode\":\"BENCH-GW\",\"visitId\":\""
                                + visit + "\",\"personId\":" + person + ",\"medicalType\":\"11\",\"serviceDate\":\"" + today()
                                + "\"}", 201);
                        call(REIMBURSEMENT + "/visits/BENCH-GW/" + visit + "/fee-lines", "POST", INSTITUTION,
                                "{\"lines\":[{\"lineNo\":\"1\",\"itemCode\":\"BENCH-A\",\"quantity\":1,\"unitPrice\":12.5,"
                                        + "\"feeDate\":\"" + today() + "\"}]}", 200);
                    }
                    ready.add(visit);
                }
            });
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join();
        }
        return ready;
    }

    static String today() {
        return java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
    }

    static String gateway(String infno, String input) {
        String msgid = "BENCH-GW" + System.nanoTime() + "-" + SEQUENCE.incrementAndGet();
        String body = "{\"infno\":\"" + infno + "\",\"msgid\":\"" + msgid + "\",\"fixmedins_code\":\"BENCH-GW\","
                + "\"sign_no\":\"" + (signNo == null ? "" : signNo) + "\",\"input\":" + input + "}";
        String answer = call(GATEWAY, "POST", INSTITUTION, body, 200);
        if (!answer.contains("\"infcode\":0")) {
            throw new IllegalStateException(infno + " refused: " + answer);
        }
        return answer;
    }

    /** 0 when the gateway settled, its HTTP status otherwise (-1: no answer). */
    static int gatewayStatus(String infno, String input) {
        try {
            gateway(infno, input);
            return 0;
        } catch (IllegalStateException e) {
            return -1;
        }
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static long seedPerson() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String body = "150402" + java.time.LocalDate.of(1950, 1, 1).plusDays(r.nextInt(20000)).toString().replace("-", "")
                + String.format("%03d", r.nextInt(1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        String created = call(ACCOUNT + "/persons", "POST", AGENCY, "{\"idNumber\":\"" + body + "10X98765432".charAt(sum % 11)
                + "\",\"name\":\"bench\",\"insuranceType\":\"310\",\"personType\":\"IN_SERVICE\",\"insuredRegion\":\"150400\","
                + "\"enrolledOn\":\"2020-01-01\"}", 201);
        Matcher m = Pattern.compile("\"personId\":(\\d+)").matcher(created);
        m.find();
        long id = Long.parseLong(m.group(1));
        java.time.YearMonth month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai"));
        for (int back = 12; back >= 1; back--) {
            call(ACCOUNT + "/persons/" + id + "/contributions", "POST", AGENCY, "{\"period\":\"" + month.minusMonths(back)
                    + "\",\"individualAmount\":" + (back == 12 ? "100000" : "0") + ",\"employerAmount\":100}", 201);
        }
        return id;
    }

    static double pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    static int send(String url, String method, String token, String body) {
        try {
            return HTTP.send(request(url, method, token, body), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    static String call(String url, String method, String token, String body, int expected) {
        try {
            HttpResponse<String> r = HTTP.send(request(url, method, token, body), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IllegalStateException(method + " " + url + " -> " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(method + " " + url, e);
        }
    }

    static HttpRequest request(String url, String method, String token, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
