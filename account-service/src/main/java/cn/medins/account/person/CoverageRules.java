package cn.medins.account.person;

import cn.medins.account.enrollment.EnrollmentStatus;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * When benefits are enjoyed (待遇享受), as a pure function of the contributions (domain section 3):
 * <ul>
 *   <li>employees: month X is covered when month X-1 was contributed (次月生效); after a gap of more
 *       than {@code maxArrearsGap} months (断缴超过3个月) the next {@code waitingMonths} consecutive
 *       months give no coverage yet; a shorter gap only leaves its own months uncovered;</li>
 *   <li>retirees: covered while enrolled;</li>
 *   <li>residents: a premium paid by 31 December of the year before covers the whole year, a later
 *       one from {@code paidOn + residentWaitingDays}.</li>
 * </ul>
 */
public record CoverageRules(int maxArrearsGap, int waitingMonths, int residentWaitingDays) {

    public Coverage retiree() {
        return Coverage.covered("Retired and enrolled: covered without contributions.");
    }

    public Coverage employee(List<YearMonth> contributedMonths, LocalDate date) {
        YearMonth previous = YearMonth.from(date).minusMonths(1);
        List<YearMonth> upToPrevious = contributedMonths.stream().filter(m -> !m.isAfter(previous)).sorted().toList();
        if (upToPrevious.isEmpty()) {
            return Coverage.not("NO_CONTRIBUTION", "No month before " + YearMonth.from(date) + " was contributed: "
                    + "benefits start the month after the first contribution.", EnrollmentStatus.ACTIVE);
        }
        YearMonth last = upToPrevious.get(upToPrevious.size() - 1);
        if (!last.equals(previous)) {
            return Coverage.not("ARREARS", "Contributions are in arrears (断缴) since " + last.plusMonths(1)
                    + ": " + previous + " was not contributed, so the pooled fund does not pay in "
                    + YearMonth.from(date) + ". Back-paying within " + maxArrearsGap + " months restores coverage.",
                    EnrollmentStatus.SUSPENDED);
        }
        Optional<YearMonth> waitingUntil = waitingEnd(upToPrevious);
        if (waitingUntil.isPresent()) {
            return Coverage.not("WAITING_PERIOD", "Contributions resumed after more than " + maxArrearsGap
                    + " months in arrears: " + waitingMonths + " consecutive contributed months are needed, "
                    + "so coverage starts in " + waitingUntil.get() + ".", EnrollmentStatus.ACTIVE);
        }
        return Coverage.covered(previous + " was contributed: covered in " + YearMonth.from(date) + ".");
    }

    /**
     * Walks the months in order; returns the month coverage will start if the last month is still
     * inside a waiting period, empty when it grants coverage.
     */
    private Optional<YearMonth> waitingEnd(List<YearMonth> months) {
        boolean waiting = false;
        int run = 0;
        YearMonth prior = null;
        for (YearMonth month : months) {
            long gap = prior == null ? 0 : ChronoUnit.MONTHS.between(prior, month) - 1;
            if (gap > maxArrearsGap) {
                waiting = true;
                run = 1;
            } else if (waiting) {
                run = gap == 0 ? run + 1 : 1;
            }
            if (waiting && run >= waitingMonths) {
                waiting = false;
            }
            prior = month;
        }
        return waiting ? Optional.of(prior.plusMonths(waitingMonths - run + 1L)) : Optional.empty();
    }

    public Coverage resident(Optional<LocalDate> premiumPaidOn, LocalDate date) {
        int year = date.getYear();
        if (premiumPaidOn.isEmpty()) {
            return Coverage.not("NO_PREMIUM", "No resident premium was paid for " + year + ".",
                    EnrollmentStatus.SUSPENDED);
        }
        LocalDate paidOn = premiumPaidOn.get();
        if (paidOn.isBefore(LocalDate.of(year, 1, 1))) {
            return Coverage.covered("The " + year + " premium was paid on " + paidOn
                    + ", within the collection period: covered all year.");
        }
        LocalDate from = paidOn.plusDays(residentWaitingDays);
        if (date.isBefore(from)) {
            return Coverage.not("WAITING_PERIOD", "The " + year + " premium was paid on " + paidOn
                    + ", after the collection period: covered from " + from + " (waiting period of "
                    + residentWaitingDays + " days).", EnrollmentStatus.ACTIVE);
        }
        return Coverage.covered("The " + year + " premium was paid on " + paidOn + ": covered from " + from + ".");
    }
}
