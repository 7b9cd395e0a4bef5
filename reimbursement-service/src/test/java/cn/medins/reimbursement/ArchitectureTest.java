package cn.medins.reimbursement;

import cn.medins.testsupport.ArchitectureRules;
import cn.medins.testsupport.ServiceArchitectureTest;
import org.junit.jupiter.api.Test;

/** The layout of reimbursement-service (one package per capability), kept by rules that fail the build. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("cn.medins.reimbursement");
    }

    @Test
    void theCalculationIsPureJava() {
        ArchitectureRules.calculationIsPure().check(classes);
    }
}
