package cn.medins.reimbursement.support;

import cn.medins.testsupport.NewYearInChina;
import cn.medins.testsupport.PostgresResource;
import cn.medins.testsupport.TestKeys;
import java.util.List;

/** reimbursement-service at 17:30 UTC on 31 December 2026 (1 January 2027 in China), its downstreams stubbed. */
public class NewYearProfile extends NewYearInChina {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresResource.class), new TestResourceEntry(TestKeys.class),
                new TestResourceEntry(StubbedDownstreams.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
