package cn.medins.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layout every service keeps (docs/design: one package per capability), as ArchUnit rules over
 * a service's main classes: the pure calculation imports no framework, HTTP stays in resources,
 * clients and health checks, and the capability packages depend one way only.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** The service's own classes, without its tests. */
    public static JavaClasses mainClassesOf(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /** {@code calculation} is pure Java: no Quarkus, JPA, JAX-RS, CDI or transactions. */
    public static ArchRule calculationIsPure() {
        return noClasses().that().resideInAPackage("..calculation..").should().dependOnClassesThat()
                .resideInAnyPackage("io.quarkus..", "jakarta.persistence..", "jakarta.ws.rs..", "jakarta.enterprise..",
                        "jakarta.transaction..", "org.hibernate..")
                .because("the settlement calculation is a pure function of its input (docs/rules.md §5)");
    }

    /** JAX-RS appears only in {@code *Resource} classes (and what they nest), REST clients and health checks. */
    public static ArchRule httpOnlyAtTheEdge() {
        return noClasses().that(outsideTheEdge()).should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..")
                .because("services take and return domain values; resources map them to the wire");
    }

    /** The first-level packages under {@code basePackage} form no cycle. */
    public static ArchRule noCycles(String basePackage) {
        return slices().matching(basePackage + ".(*)..").should().beFreeOfCycles();
    }

    private static DescribedPredicate<JavaClass> outsideTheEdge() {
        return DescribedPredicate.describe("are neither resources nor in ..client.. or ..health..", c -> {
            String top = c.getName().replaceAll("\\$.*", "");
            return !top.endsWith("Resource") && !c.getPackageName().contains(".client")
                    && !c.getPackageName().contains(".health");
        });
    }
}
