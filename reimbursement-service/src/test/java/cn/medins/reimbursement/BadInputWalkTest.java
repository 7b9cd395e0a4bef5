package cn.medins.reimbursement;

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
        BadInputWalk.assertHolds(base);
    }
}
