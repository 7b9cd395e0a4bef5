package cn.medins.account.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.medins.account.enrollment.EnrollmentStatus;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The eligibility rules of docs/rules.md section 3, with the reference numbers (3 months, 6 months, 90 days). */
class CoverageRulesTest {

    private final CoverageRules rules = new CoverageRules(3, 6, 90);

    private static List<YearMonth> months(String from, String to) {
        return Stream.iterate(YearMonth.parse(from), m -> !m.isAfter(YearMonth.parse(to)), m -> m.plusMonths(1))
                .toList();
    }

    private static List<YearMonth> concat(List<YearMonth> a, List<YearMonth> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    @Test
    void benefitsStartTheMonthAfterTheFirstContribution() {
        List<YearMonth> paid = months("2025-03", "2025-03");
        assertEquals("NO_CONTRIBUTION", rules.employee(paid, LocalDate.of(2025, 3, 31)).reason());
        assertTrue(rules.employee(paid, LocalDate.of(2025, 4, 1)).eligible());
    }

    @Test
    void aMissedMonthLeavesTheNextMonthUncoveredAndSuspended() {
        List<YearMonth> paid = months("2025-01", "2025-05");
        Coverage july = rules.employee(paid, LocalDate.of(2025, 7, 15)); // June not paid
        assertFalse(july.eligible());
        assertEquals("ARREARS", july.reason());
        assertEquals(EnrollmentStatus.SUSPENDED, july.status());
    }

    @Test
    void aGapOfThreeMonthsOrLessNeedsNoWaitingPeriod() {
        // paid Jan-Mar, missed Apr-Jun (3 months), paid again from July: August is covered
        List<YearMonth> paid = concat(months("2025-01", "2025-03"), months("2025-07", "2025-07"));
        assertTrue(rules.employee(paid, LocalDate.of(2025, 8, 1)).eligible());
    }

    @Test
    void backPayingTheGapRestoresCoverage() {
        List<YearMonth> gap = concat(months("2025-01", "2025-03"), months("2025-05", "2025-06"));
        assertTrue(rules.employee(gap, LocalDate.of(2025, 7, 1)).eligible());
        assertFalse(rules.employee(gap, LocalDate.of(2025, 5, 10)).eligible()); // April was missed
        assertTrue(rules.employee(months("2025-01", "2025-06"), LocalDate.of(2025, 5, 10)).eligible());
    }

    @Test
    void moreThanThreeMissingMonthsNeedSixConsecutiveMonthsBeforeCoverage() {
        // paid Jan-Feb 2025, missed Mar-Jun (4 months), paid from July 2025:
        // Jul..Dec are the 6 waiting months, coverage starts January 2026.
        List<YearMonth> before = months("2025-01", "2025-02");
        List<YearMonth> resumed = concat(before, months("2025-07", "2025-12"));
        Coverage december = rules.employee(resumed, LocalDate.of(2025, 12, 31));
        assertFalse(december.eligible());
        assertEquals("WAITING_PERIOD", december.reason());
        assertTrue(december.detail().contains("2026-01"), december.detail());
        assertTrue(rules.employee(resumed, LocalDate.of(2026, 1, 1)).eligible());
    }

    @Test
    void aGapInsideTheWaitingPeriodRestartsTheConsecutiveCount() {
        // after a 4-month gap: Jul-Sep paid, Oct missed, Nov onwards paid: 6 consecutive = Nov..Apr
        List<YearMonth> paid = concat(concat(months("2025-01", "2025-02"), months("2025-07", "2025-09")),
                months("2025-11", "2026-04"));
        assertFalse(rules.employee(paid, LocalDate.of(2026, 4, 30)).eligible());
        assertTrue(rules.employee(paid, LocalDate.of(2026, 5, 1)).eligible());
    }

    @Test
    void retireesAreCoveredWithoutContributions() {
        assertTrue(rules.retiree().eligible());
    }

    @Test
    void residentPremiumPaidInTheCollectionPeriodCoversTheWholeYear() {
        Optional<LocalDate> paid = Optional.of(LocalDate.of(2024, 12, 31));
        assertTrue(rules.resident(paid, LocalDate.of(2025, 1, 1)).eligible());
        assertTrue(rules.resident(paid, LocalDate.of(2025, 12, 31)).eligible());
    }

    @Test
    void aLateResidentPremiumCoversAfterTheWaitingPeriod() {
        Optional<LocalDate> paid = Optional.of(LocalDate.of(2025, 3, 1));
        // 2025-03-01 + 90 days = 2025-05-30
        assertEquals("WAITING_PERIOD", rules.resident(paid, LocalDate.of(2025, 5, 29)).reason());
        assertTrue(rules.resident(paid, LocalDate.of(2025, 5, 30)).eligible());
    }

    @Test
    void noResidentPremiumNoCoverage() {
        assertEquals("NO_PREMIUM", rules.resident(Optional.empty(), LocalDate.of(2025, 6, 1)).reason());
    }
}
