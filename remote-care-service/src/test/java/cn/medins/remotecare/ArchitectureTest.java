package cn.medins.remotecare;

import cn.medins.testsupport.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The layout of remote-care-service (one package per capability), kept by rules that fail the build. */
class ArchitectureTest {

    private static final String BASE = "cn.medins.remotecare";
    private static final JavaClasses CLASSES = ArchitectureRules.mainClassesOf(BASE);

    @Test
    void httpStaysInResourcesClientsAndHealthChecks() {
        ArchitectureRules.httpOnlyAtTheEdge().check(CLASSES);
    }

    @Test
    void capabilityPackagesFormNoCycle() {
        ArchitectureRules.noCycles(BASE).check(CLASSES);
    }
}
