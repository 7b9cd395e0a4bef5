package cn.medins.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/**
 * The published contract lists every endpoint of docs/api.md with its error codes, says what travels
 * (issue 23), and every test's traffic is checked against it: a request the document does not know
 * fails the test that sends it.
 */
@QuarkusTest
class OpenApiTest {

    private static ValidatableResponse openApi() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200);
    }

    @Test
    void everyEndpointOfTheContractIsPublished() {
        openApi()
                .body("paths.'/persons'.post", notNullValue())
                .body("paths.'/persons'.get", notNullValue())
                .body("paths.'/persons/{personId}'.get", notNullValue())
                .body("paths.'/persons/{personId}/eligibility'.get", notNullValue())
                .body("paths.'/persons/{personId}/contributions'.post", notNullValue())
                .body("paths.'/persons/{personId}/transfers'.post", notNullValue())
                .body("paths.'/accounts/{personId}'.get", notNullValue())
                .body("paths.'/accounts/{personId}/entries'.get", notNullValue())
                .body("paths.'/accounts/{personId}/payments'.post", notNullValue())
                .body("paths.'/accounts/{personId}/payments'.get", notNullValue())
                .body("paths.'/accounts/{personId}/payments/{paymentId}/refund'.post", notNullValue())
                .body("paths.'/accounts/{personId}/family-members'.post", notNullValue())
                .body("paths.'/accounts/{personId}/family-members'.get", notNullValue())
                .body("paths.'/accounts/{personId}/family-members/{memberPersonId}'.delete", notNullValue())
                .body("paths.'/accounts/{personId}/closure'.post", notNullValue());
    }

    @Test
    void errorCodesAreListedPerOperation() {
        openApi()
                .body("paths.'/persons'.post.responses.'409'.description", containsString("DUPLICATE_ENROLLMENT"))
                .body("paths.'/accounts/{personId}/payments'.post.responses.'422'.description",
                        containsString("INSUFFICIENT_BALANCE"))
                .body("paths.'/accounts/{personId}/payments'.post.responses.'422'.description",
                        containsString("NOT_A_BOUND_FAMILY_MEMBER"))
                .body("paths.'/accounts/{personId}'.get.responses.'404'.description",
                        containsString("NO_PERSONAL_ACCOUNT"))
                .body("paths.'/accounts/{personId}/closure'.post.responses.'422'.description",
                        containsString("CASH_WITHDRAWAL_NOT_ALLOWED"));
    }

    @Test
    void swaggerUiCanSendABearerToken() {
        openApi().body("components.securitySchemes.SecurityScheme.scheme", org.hamcrest.Matchers.equalTo("bearer"))
                .body("paths.'/persons'.post.security", notNullValue());
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void aMonthIsAStringAndAnUnrequiredFieldMayBeNull() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("openapi", equalTo("3.0.3"))
                .body("components.schemas.Contribution.properties.period.type", equalTo("string"))
                .body("components.schemas.Contribution.properties.period.pattern", equalTo("^[0-9]{4}-(0[1-9]|1[0-2])$"))
                .body("components.schemas.Payment.properties.beneficiaryPersonId.nullable", equalTo(true))
                .body("components.schemas.Problem.required", hasItem("code"))
                .body("paths.'/persons'.post.responses.'201'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/Person"))
                .body("paths.'/persons'.post.responses.default.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"));
    }

    @Test
    void trafficTheDocumentDoesNotDescribeFailsTheTest() {
        AssertionError broken = assertThrows(AssertionError.class, () -> given().get("/no-such-operation"));
        assertTrue(broken.getMessage().contains("breaks the published document"), broken.getMessage());
    }
}
