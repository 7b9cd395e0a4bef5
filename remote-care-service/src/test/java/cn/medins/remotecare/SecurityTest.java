package cn.medins.remotecare;

import static io.restassured.RestAssured.given;

import cn.medins.remotecare.support.People;
import cn.medins.testsupport.AccessMatrix;
import cn.medins.testsupport.TestKeys;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may do what on remote-care-service. */
@QuarkusTest
class SecurityTest {

    static final Set<String> AGENCY = AccessMatrix.AGENCY;
    static final Set<String> READERS = AccessMatrix.EVERY_ROLE;
    static final Set<String> OWN = Set.of("agency", "insured");

    static final Map<String, Set<String>> MATRIX = Map.ofEntries(
            Map.entry("POST /filings", OWN),
            Map.entry("GET /filings", OWN),
            Map.entry("GET /filings/{filingId}", OWN),
            Map.entry("POST /filings/{filingId}/cancellation", OWN),
            Map.entry("GET /coverage", READERS),
            Map.entry("PUT /exemptions/{insuredProvince}/{destinationProvince}", AGENCY),
            Map.entry("GET /exemptions/{insuredProvince}/{destinationProvince}", READERS),
            Map.entry("DELETE /exemptions/{insuredProvince}/{destinationProvince}", AGENCY),
            Map.entry("GET /audit", AGENCY));

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyOperationHasADecisionAndKeepsIt() throws Exception {
        AccessMatrix.assertKept(base, MATRIX);
    }

    @Test
    void anInsuredPersonFilesAndSeesOnlyTheirOwnFilings() {
        long a = People.retiree();
        long b = People.retiree();
        String tokenA = "Bearer " + TestKeys.insured(a);
        given().header("Authorization", tokenA).contentType(ContentType.JSON).body(People.longTerm(a, "460000"))
                .post("/filings").then().statusCode(201);
        int filingB = People.file(People.longTerm(b, "460000")).statusCode(201).extract().path("filingId");

        given().header("Authorization", tokenA).contentType(ContentType.JSON).body(People.longTerm(b, "330000"))
                .post("/filings").then().statusCode(404);
        given().header("Authorization", tokenA).get("/filings/" + filingB).then().statusCode(404);
        given().header("Authorization", tokenA).post("/filings/" + filingB + "/cancellation").then().statusCode(404);
        given().header("Authorization", tokenA).queryParam("personId", b).get("/filings").then().statusCode(404);
        given().header("Authorization", tokenA).queryParam("personId", b).queryParam("region", "460100")
                .get("/coverage").then().statusCode(404);
        given().header("Authorization", "Bearer " + TestKeys.insured(b)).get("/filings/" + filingB).then()
                .statusCode(200);
        given().header("Authorization", "Bearer " + TestKeys.institution("H1")).queryParam("personId", b)
                .queryParam("region", "460100").get("/coverage").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("insuranceTypes", List.of("310")))
                .header("Authorization", tokenA).put("/exemptions/43/44").then().statusCode(403);
    }
}
