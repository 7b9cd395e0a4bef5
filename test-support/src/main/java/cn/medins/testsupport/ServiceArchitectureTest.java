package cn.medins.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/**
 * The layout rules every service's {@code ArchitectureTest} checks over its main classes
 * ({@link ArchitectureRules}); a service adds its own (the pure calculation) in its subclass.
 */
public abstract class ServiceArchitectureTest {

    protected final String basePackage;
    protected final JavaClasses classes;

    protected ServiceArchitectureTest(String basePackage) {
        this.basePackage = basePackage;
        this.classes = ArchitectureRules.mainClassesOf(basePackage);
    }

    @Test
    void httpStaysInResourcesClientsAndHealthChecks() {
        ArchitectureRules.httpOnlyAtTheEdge().check(classes);
    }

    @Test
    void everyTransactionHoldsAWriterSlot() {
        ArchitectureRules.transactionsHoldAWriterSlot().check(classes);
    }

    @Test
    void capabilityPackagesFormNoCycle() {
        ArchitectureRules.noCycles(basePackage).check(classes);
    }
}
