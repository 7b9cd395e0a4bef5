package cn.medins.reimbursement.support;

import cn.medins.testsupport.NewYearInChina;
import java.util.List;

/** reimbursement-service at 17:30 UTC on 31 December 2026 (1 January 2027 in China), its downstreams stubbed. */
public class NewYearProfile extends NewYearInChina {

    @Override
    public List<TestResourceEntry> testResources() {
        return FailingAccountServiceProfile.withDatabaseAndKeys(StubbedDownstreams.class);
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
