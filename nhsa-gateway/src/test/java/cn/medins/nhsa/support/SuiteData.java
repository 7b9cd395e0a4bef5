package cn.medins.nhsa.support;

import static io.restassured.RestAssured.given;

import cn.medins.testsupport.TestData;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.util.Map;

/** What a test's HIS needs in the suite, made through the services' own APIs: institutions, items, employees. */
public final class SuiteData {

    private SuiteData() {
    }

    /** A designated, remote-networked institution of level 3 in region 150402, and the catalog item A001 (甲类). */
    public static void institution(String code, String kind) {
        given().baseUri(SuiteProcesses.reimbursementUrl()).contentType(ContentType.JSON)
                .body(Map.of("name", "机构 " + code, "region", "150402", "level", 3, "kind", kind, "designated", true,
                        "remoteNetworked", true)).put("/institutions/" + code).then().statusCode(200);
        item("A001", "A");
    }

    public static void item(String code, String category) {
        given().baseUri(SuiteProcesses.reimbursementUrl()).contentType(ContentType.JSON)
                .body(Map.of("name", "项目 " + code, "category", category)).put("/catalog/" + code)
                .then().statusCode(200);
    }

    /**
     * An employee insured in 150400 since 2020, with contributions January to October 2026 (employer 300 a
     * month) and {@code balance} as January's individual part: the personal account's balance.
     */
    public static long employee(String idNumber, String name, String balance) {
        long id = given().baseUri(SuiteProcesses.accountUrl()).contentType(ContentType.JSON)
                .body(Map.of("idNumber", idNumber, "name", name, "insuranceType", "310", "personType", "IN_SERVICE",
                        "insuredRegion", "150400", "enrolledOn", "2020-01-01"))
                .post("/persons").then().statusCode(201).extract().jsonPath().getLong("personId");
        for (int m = 1; m <= 10; m++) {
            given().baseUri(SuiteProcesses.accountUrl()).contentType(ContentType.JSON)
                    .header("Idempotency-Key", TestData.key())
                    .body(Map.of("period", String.format("2026-%02d", m), "individualAmount",
                            m == 1 ? new BigDecimal(balance) : BigDecimal.ZERO, "employerAmount", new BigDecimal("300")))
                    .post("/persons/" + id + "/contributions").then().statusCode(201);
        }
        return id;
    }
}
