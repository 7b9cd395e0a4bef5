package cn.medins.reimbursement.reference;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReferenceDataTest {

    private static String seededDocument() {
        // version 2: the reference chronic diseases and the claim deadline added to the seeded version 1
        return given().get("/policies/150400/310/2026").then().statusCode(200).header("Policy-Version", "2")
                .body("chronic.DIALYSIS.ratio", org.hamcrest.Matchers.comparesEqualTo(new java.math.BigDecimal("0.9"))).body("claims.deadlineDays", equalTo(365))
                .extract().asString();
    }

    @Test
    void theReferencePoliciesAreSeeded() {
        given().get("/policies/410300/310/2026").then().statusCode(200)
                .body("inpatient.repeatAdmissionDeductibleFactor", comparesEqualTo(new BigDecimal("0.5")))
                .body("outpatient.annualCap", equalTo(1800));
        given().get("/policies/360100/390/2025").then().statusCode(200);
        given().get("/policies/999900/310/2026").then().statusCode(404).body("code", equalTo("POLICY_NOT_FOUND"));
    }

    @Test
    void aChangedPolicyIsANewVersionAndTheSameDocumentChangesNothing() {
        String document = seededDocument();
        given().contentType(ContentType.JSON).body(document).put("/policies/440300/310/2026").then().statusCode(201)
                .header("Policy-Version", "1");
        given().contentType(ContentType.JSON).body(document).put("/policies/440300/310/2026").then().statusCode(200)
                .header("Policy-Version", "1");
        String changed = document.replace("\"annualCap\":1800", "\"annualCap\":2400");
        given().contentType(ContentType.JSON).body(changed).put("/policies/440300/310/2026").then().statusCode(201)
                .header("Policy-Version", "2");
        given().get("/policies/440300/310/2026").then().header("Policy-Version", "2")
                .body("outpatient.annualCap", equalTo(2400));
    }

    @Test
    void aBrokenPolicyIsRefusedFieldByField() {
        String document = seededDocument();
        given().contentType(ContentType.JSON).body(document.replace("\"ratio\":0.95", "\"ratio\":1.95"))
                .put("/policies/440300/390/2026").then().statusCode(400)
                .body("violations.field", hasItem(containsString("bandsByLevel")));
        given().contentType(ContentType.JSON).body(document.replace("{\"upTo\":null,\"ratio\":0.95}",
                        "{\"upTo\":2000,\"ratio\":0.95}"))
                .put("/policies/440300/390/2026").then().statusCode(400)
                .body("detail", containsString("bounds must increase"));
        given().contentType(ContentType.JSON).body(document).put("/policies/44030/310/2026").then().statusCode(400)
                .body("violations[0].field", equalTo("insuredRegion"));
        given().contentType(ContentType.JSON).body(document).put("/policies/440300/320/2026").then().statusCode(400)
                .body("violations[0].field", equalTo("insuranceType"));
        given().contentType(ContentType.JSON).body("{}").put("/policies/440300/310/2026").then().statusCode(400)
                .body("violations.field", hasItem("inpatient"));
    }

    /** Policy amounts follow the money rules: 2 decimals at most, 0..100,000,000. */
    @Test
    void policyAmountsFollowTheMoneyRules() {
        String document = seededDocument();
        given().contentType(ContentType.JSON).body(document.replace("\"annualCap\":100000}", "\"annualCap\":1e308}"))
                .put("/policies/440300/310/2027").then().statusCode(400)
                .body("violations.field", hasItem("inpatient.annualCap"));
        given().contentType(ContentType.JSON).body(document.replace("\"annualDeductible\":600,",
                        "\"annualDeductible\":600.125,"))
                .put("/policies/440300/310/2027").then().statusCode(400)
                .body("violations.field", hasItem("outpatient.annualDeductible"));
        given().get("/policies/440300/310/2027").then().statusCode(404);
    }

    @Test
    void institutionsAndCatalogItems() {
        given().contentType(ContentType.JSON).body(Map.of("name", "赤峰市医院", "region", "150402", "level", 3,
                        "kind", "HOSPITAL", "designated", true, "remoteNetworked", true))
                .put("/institutions/CF-1").then().statusCode(200).body("code", equalTo("CF-1"));
        given().get("/institutions/CF-1").then().statusCode(200).body("level", equalTo(3))
                .body("updatedAt", notNullValue());
        given().get("/institutions/none").then().statusCode(404).body("code", equalTo("INSTITUTION_NOT_FOUND"));
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "region", "150402", "level", 4,
                        "kind", "CLINIC", "designated", true, "remoteNetworked", true))
                .put("/institutions/CF-2").then().statusCode(400)
                .body("violations.field", hasItem("kind"));

        given().contentType(ContentType.JSON).body(Map.of("name", "阿莫西林", "category", "B", "priceLimit", 12.5))
                .put("/catalog/AMOX").then().statusCode(200).body("priceLimit", cn.medins.testsupport.TestData.yuan("12.50"));
        given().get("/catalog/AMOX").then().statusCode(200).body("category", equalTo("B"));
        given().get("/catalog/none").then().statusCode(404).body("code", equalTo("CATALOG_ITEM_NOT_FOUND"));
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "category", "Z"))
                .put("/catalog/BAD").then().statusCode(400).body("violations[0].field", equalTo("category"));
    }

    @Test
    void theOpenApiDocumentListsEveryEndpointAndItsCodes() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/policies/{insuredRegion}/{insuranceType}/{year}'.put", notNullValue())
                .body("paths.'/institutions/{code}'.put", notNullValue())
                .body("paths.'/catalog/{itemCode}'.get", notNullValue())
                .body("paths.'/settlements/preview'.post", notNullValue())
                .body("paths.'/settlements'.post.responses.'409'.description", containsString("ALREADY_SETTLED"))
                .body("paths.'/settlements'.post.responses.'422'.description",
                        containsString("INSTITUTION_NOT_DESIGNATED"))
                .body("paths.'/settlements/{settlementId}/cancellation'.post", notNullValue())
                .body("paths.'/persons/{personId}/accumulators/{year}'.get", notNullValue());
    }
}
