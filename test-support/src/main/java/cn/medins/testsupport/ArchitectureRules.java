package cn.medins.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.domain.JavaEnumConstant;
import java.util.Set;

/**
 * The layout every service keeps (docs/design: one package per capability), as ArchUnit rules over
 * a service's main classes: the pure calculation imports no framework, HTTP stays in resources,
 * clients and health checks, and the capability packages depend one way only.
 */
public final class ArchitectureRules {

    private static final String WRITER_SLOT = "cn.medins.common.lock.HoldsWriterSlot";

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

    /**
     * Every method that begins a transaction (REQUIRED, REQUIRES_NEW) holds a writer slot, so that
     * work waiting for locks can never take the connections reads and health checks need.
     */
    public static ArchRule transactionsHoldAWriterSlot() {
        return methods().that().areAnnotatedWith(beginsATransaction()).should(holdAWriterSlot())
                .because("a locked table must not take the whole pool (README \"Operating\")");
    }

    private static DescribedPredicate<JavaAnnotation<?>> beginsATransaction() {
        return DescribedPredicate.describe("@Transactional that begins a transaction", a ->
                a.getRawType().getName().equals("jakarta.transaction.Transactional")
                        && Set.of("REQUIRED", "REQUIRES_NEW").contains(((JavaEnumConstant) a.get("value")
                        .orElseThrow()).name()));
    }

    private static ArchCondition<JavaMethod> holdAWriterSlot() {
        return new ArchCondition<>("be annotated (or their class) with @HoldsWriterSlot") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                if (!method.isAnnotatedWith(WRITER_SLOT) && !method.getOwner().isAnnotatedWith(WRITER_SLOT)) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " begins a transaction "
                            + "without holding a writer slot"));
                }
            }
        };
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
