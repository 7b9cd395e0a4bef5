package cn.medins.reimbursement.clearing;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Days and months as the agency counts them: in its time zone (reimbursement.clearing.zone). */
@ApplicationScoped
public class ClearingCalendar {

    @ConfigProperty(name = "reimbursement.clearing.zone")
    ZoneId zone;

    public ZoneId zone() {
        return zone;
    }

    public YearMonth currentMonth() {
        return YearMonth.now(zone);
    }

    public Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    public Instant end(YearMonth month) {
        return start(month.plusMonths(1));
    }

    public Instant start(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    public Instant end(LocalDate day) {
        return start(day.plusDays(1));
    }
}
