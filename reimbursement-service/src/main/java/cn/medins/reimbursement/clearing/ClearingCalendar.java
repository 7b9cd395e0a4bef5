package cn.medins.reimbursement.clearing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/** Days and months as the agency counts them: in the business zone ({@code medins.zone}), on the business clock. */
@ApplicationScoped
public class ClearingCalendar {

    @Inject
    Clock clock;

    public ZoneId zone() {
        return clock.getZone();
    }

    public YearMonth currentMonth() {
        return YearMonth.now(clock);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Instant now() {
        return clock.instant();
    }

    public Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(zone()).toInstant();
    }

    public Instant end(YearMonth month) {
        return start(month.plusMonths(1));
    }

    public Instant start(LocalDate day) {
        return day.atStartOfDay(zone()).toInstant();
    }

    public Instant end(LocalDate day) {
        return start(day.plusDays(1));
    }
}
