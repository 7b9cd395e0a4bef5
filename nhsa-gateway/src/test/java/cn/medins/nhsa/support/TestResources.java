package cn.medins.nhsa.support;

import cn.medins.testsupport.PostgresResource;
import cn.medins.testsupport.TestKeys;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every test of this module: the real PostgreSQL, and the suite's three real services beside the gateway. */
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestKeys.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SuiteProcesses.class, scope = TestResourceScope.GLOBAL)
public final class TestResources {
    private TestResources() {
    }
}
