package cn.medins.nhsa;

import cn.medins.testsupport.AccessMatrix;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may call the gateway: institutions (each for its own code, InpatientStayTest) and agency staff. */
@QuarkusTest
class SecurityTest {

    static final Map<String, Set<String>> MATRIX = Map.of(
            "POST /fsi/api/rsfComIfsService/callService", Set.of("agency", "institution"),
            "GET /audit", AccessMatrix.AGENCY);

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyOperationHasADecisionAndKeepsIt() throws Exception {
        AccessMatrix.assertKept(base, MATRIX);
    }
}
