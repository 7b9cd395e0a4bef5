package cn.medins.reimbursement;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.medins.testsupport.BadInputWalk;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** Every operation of the OpenAPI document, fed malformed paths, queries and bodies: no 500, always a problem. */
@QuarkusTest
class BadInputWalkTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void noMalformedInputGetsAServerErrorOrAnAnswerWithoutAProblemDocument() throws Exception {
        BadInputWalk.Result result = BadInputWalk.walk(base);
        assertTrue(result.sent() > 200, "the walk sent " + result.sent() + " requests");
        assertTrue(result.statuses().getOrDefault(400, 0) > result.sent() / 4,
                "most malformed inputs are refused as such (400): " + result.statuses());
        assertTrue(result.problems().isEmpty(), result.problems().size() + " of " + result.sent() + ":\n"
                + String.join("\n", result.problems().subList(0, Math.min(40, result.problems().size()))));
    }
}
