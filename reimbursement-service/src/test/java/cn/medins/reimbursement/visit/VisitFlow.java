package cn.medins.reimbursement.visit;

import static io.restassured.RestAssured.given;

import cn.medins.reimbursement.support.HospitalCounter;
import cn.medins.testsupport.TestData;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A hospital's visit through the public API: admit, upload, discharge, settle. */
final class VisitFlow {

    final String institution;
    final String visitId;
    final String path;

    private VisitFlow(String institution, String visitId) {
        this.institution = institution;
        this.visitId = visitId;
        this.path = "/visits/" + institution + "/" + visitId;
    }

    static VisitFlow of(String institution, String visitId) {
        return new VisitFlow(institution, visitId);
    }

    /** Admits a stay (21) at the level-3 hospital. */
    static VisitFlow stay(long person, String admitted) {
        VisitFlow v = of(HospitalCounter.HOSPITAL, "v-" + person + "-" + TestData.key().substring(0, 8));
        v.admit(person, "21", admitted).statusCode(201);
        return v;
    }

    ValidatableResponse admit(long person, String medicalType, String date) {
        Map<String, Object> body = new HashMap<>(Map.of("institutionCode", institution, "visitId", visitId,
                "personId", person, "medicalType", medicalType));
        body.put("21".equals(medicalType) ? "admissionDate" : "serviceDate", date);
        return given().contentType(ContentType.JSON).body(body).post("/visits").then();
    }

    static Map<String, Object> line(String lineNo, String item, String quantity, String price, String date) {
        return Map.of("lineNo", lineNo, "itemCode", item, "quantity", new BigDecimal(quantity), "unitPrice",
                new BigDecimal(price), "feeDate", date);
    }

    ValidatableResponse upload(List<Map<String, Object>> lines) {
        return given().contentType(ContentType.JSON).body(Map.of("lines", lines)).post(path + "/fee-lines").then();
    }

    /** Uploads {@code count} lines of A001 at 1.23 and B001 at 4.56 alternately, numbered from {@code from}. */
    void uploadMany(int from, int count, String date) {
        for (int start = from; start < from + count; start += 1000) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = start; i < Math.min(start + 1000, from + count); i++) {
                batch.add(i % 2 == 0 ? line("L" + i, "A001", "1", "1.23", date) : line("L" + i, "B001", "2", "4.56", date));
            }
            upload(batch).statusCode(200);
        }
    }

    ValidatableResponse discharge(String date) {
        return given().contentType(ContentType.JSON).body(Map.of("dischargeDate", date)).post(path + "/discharge").then();
    }

    ValidatableResponse revoke(List<String> lineNos) {
        return given().contentType(ContentType.JSON).body(lineNos == null ? Map.of() : Map.of("lineNos", lineNos))
                .post(path + "/fee-lines/revocation").then();
    }

    ValidatableResponse preview(boolean useAccount) {
        return given().contentType(ContentType.JSON).body(Map.of("useAccount", useAccount))
                .post(path + "/settlement/preview").then();
    }

    ValidatableResponse settle(boolean useAccount) {
        return settle(useAccount, TestData.key());
    }

    ValidatableResponse settle(boolean useAccount, String key) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("useAccount", useAccount)).post(path + "/settlement").then();
    }

    /** Settles (or previews) saying what the bill totals for the institution. */
    ValidatableResponse settleExpecting(String path, String expectedTotal, String key) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("useAccount", false, "expectedTotalAmount", new java.math.BigDecimal(expectedTotal)))
                .post(this.path + path).then();
    }

    ValidatableResponse get() {
        return given().get(path).then();
    }

    ValidatableResponse withdraw() {
        return given().post(path + "/withdrawal").then();
    }
}
