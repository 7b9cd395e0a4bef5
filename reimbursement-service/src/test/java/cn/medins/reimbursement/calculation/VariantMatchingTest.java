package cn.medins.reimbursement.calculation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.medins.reimbursement.calculation.PolicyDocument.When;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Whom a variant's {@code when} is for: a person type, whole years of age on the date that decides cover. */
class VariantMatchingTest {

    private static final LocalDate ON = LocalDate.parse("2026-06-15");

    @Test
    void aMissingKeyMatchesEveryone() {
        assertTrue(new When(null, null, null).matches("IN_SERVICE", null, ON));
        assertTrue(new When("RETIRED", null, null).matches("RETIRED", null, ON));
        assertFalse(new When("RETIRED", null, null).matches("IN_SERVICE", null, ON));
    }

    @Test
    void agesAreWholeYearsOnTheDate() {
        When children = new When(null, 0, 17);
        When older = new When(null, 70, null);
        // 18 on 2026-06-15 exactly: no longer a child; 17 the day before
        assertFalse(children.matches("RESIDENT", LocalDate.parse("2008-06-15"), ON));
        assertTrue(children.matches("RESIDENT", LocalDate.parse("2008-06-16"), ON));
        assertTrue(older.matches("RETIRED", LocalDate.parse("1956-06-15"), ON));
        assertFalse(older.matches("RETIRED", LocalDate.parse("1956-06-16"), ON));
        // without a birth date, an age range matches no one
        assertFalse(older.matches("RETIRED", null, ON));
    }
}
