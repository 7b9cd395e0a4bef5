package cn.medins.reimbursement.visit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.medins.reimbursement.support.HospitalCounter;
import cn.medins.testsupport.TestData;
import cn.medins.testsupport.TestKeys;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Uploads racing a settlement: every batch is either wholly in the settlement (200, before it) or refused
 * with VISIT_SETTLED (after it), never half in; four uploaders and the settling counter run at once.
 */
@QuarkusTest
class VisitConcurrencyTest {

    private static final int UPLOADERS = 4;
    private static final int BATCH = 100;

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aBatchIsWhollyInTheSettlementOrRefusedAsSettled() throws Exception {
        HospitalCounter.setUpReferenceData();
        long person = HospitalCounter.employee("0");
        VisitFlow v = VisitFlow.stay(person, "2026-03-01");
        v.discharge("2026-03-10").statusCode(200);
        AtomicInteger acceptedBatches = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(UPLOADERS);
        List<Future<List<Integer>>> uploaders = new ArrayList<>();
        for (int u = 0; u < UPLOADERS; u++) {
            int uploader = u;
            uploaders.add(pool.submit(() -> upload(v, uploader, acceptedBatches)));
        }
        while (acceptedBatches.get() < 8) {
            Thread.sleep(5);
        }
        JsonPath settled = JsonPath.from(v.settle(false).statusCode(201).extract().asString());
        int accepted = 0;
        for (Future<List<Integer>> f : uploaders) {
            List<Integer> statuses = f.get();
            for (int status : statuses) {
                assertTrue(status == 200 || status == 409, "a batch got " + status);
                accepted += status == 200 ? 1 : 0;
            }
            assertEquals(409, statuses.get(statuses.size() - 1), "each uploader ends refused: the visit is settled");
        }
        pool.shutdown();
        // every line costs 1.00: the settlement holds exactly the accepted batches' lines
        assertEquals(accepted * BATCH, settled.getDouble("totalAmount"), 0.001);
        assertEquals(accepted * BATCH, (int) v.get().extract().path("lineCount"));
    }

    /** Sends batches until one is refused (the visit settled), at most 200; the statuses in order. */
    private List<Integer> upload(VisitFlow v, int uploader, AtomicInteger accepted) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int b = 0; b < 200; b++) {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < BATCH; i++) {
                lines.append(i == 0 ? "" : ",").append("{\"lineNo\":\"u").append(uploader).append('-').append(b)
                        .append('-').append(i).append("\",\"itemCode\":\"A001\",\"quantity\":1,\"unitPrice\":1,")
                        .append("\"feeDate\":\"2026-03-05\"}");
            }
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + v.path.substring(1)
                            + "/fee-lines")).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + TestKeys.agency())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"lines\":[" + lines + "]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            statuses.add(r.statusCode());
            if (r.statusCode() == 200) {
                accepted.incrementAndGet();
            } else {
                assertTrue(r.body().contains("VISIT_SETTLED"), r.body());
                break;
            }
        }
        return statuses;
    }
}
