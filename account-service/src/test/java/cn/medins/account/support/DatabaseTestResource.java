package cn.medins.account.support;

import cn.medins.testsupport.PostgresResource;
import cn.medins.testsupport.TestKeys;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every test of this module runs against the real PostgreSQL chosen by {@link PostgresResource}. */
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestKeys.class, scope = TestResourceScope.GLOBAL)
public final class DatabaseTestResource {
    private DatabaseTestResource() {
    }
}
