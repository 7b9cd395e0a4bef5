package cn.medins.testsupport;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.filter.Filter;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * Before every test: JSON decimals read as exact BigDecimals (money compared to the cent), and
 * requests sent as agency staff unless the test sends its own Authorization header, and every
 * request and answer checked against the answering service's published document ({@link OpenApiTraffic}).
 */
public class TestDefaultsCallback implements QuarkusTestBeforeEachCallback {

    private static final Filter AGENCY_BY_DEFAULT = (request, response, context) -> {
        if (!request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("Authorization", "Bearer " + TestKeys.agency());
        }
        return context.next(request, response);
    };

    private static final Filter VALIDATED = new OpenApiTraffic();

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        apply();
    }

    public static void apply() {
        RestAssured.config = RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        RestAssured.replaceFiltersWith(AGENCY_BY_DEFAULT, VALIDATED);
    }
}
