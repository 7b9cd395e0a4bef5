package cn.medins.reimbursement.clearing;

import cn.medins.reimbursement.calculation.MedicalType;
import jakarta.enterprise.context.ApplicationScoped;
import cn.medins.common.downstream.DownstreamUnavailableException;
import cn.medins.common.problem.ProblemException;
import cn.medins.reimbursement.client.AccountGateway;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;

/**
 * Fund reports (基金报表) and remote-care clearing (异地就医清算), computed from the completed
 * settlements of a month (the agency's time zone) as they stand when asked.
 */
@ApplicationScoped
public class FundReportService {

    @Inject
    ClearingRepository repository;

    @Inject
    ClearingCalendar calendar;

    @Inject
    AccountGateway accounts;

    /**
     * One row of a fund report: a medical type and insurance type, each fund's amount; medical
     * assistance (医疗救助) last, its own book.
     */
    public record Row(String medicalType, String insuranceType, long count, BigDecimal totalAmount,
                      BigDecimal poolFundPaid, BigDecimal catastrophicPaid, BigDecimal accountPaid, BigDecimal cashPaid,
                      BigDecimal assistancePaid) {
    }

    /** What one province's fund owes another's for its insured persons' care there. */
    public record RemotePair(String insuredProvince, String destinationProvince, long settlementCount,
                             BigDecimal fundAmount) {
    }

    /**
     * The month's settlements of persons insured in {@code region}: a province ({@code XX0000}), a
     * city ({@code XXXX00}) or one district, by medical type (in the order of its national code) and
     * insurance type.
     */
    public List<Row> fund(String region, YearMonth month) {
        List<Object[]> rows = repository.fundRows(prefix(region), calendar.start(month), calendar.end(month));
        return rows.stream().map(r -> new Row(MedicalType.valueOf((String) r[0]).code(),
                (String) r[1], ((Number) r[2]).longValue(), (BigDecimal) r[3], (BigDecimal) r[4], (BigDecimal) r[5],
                (BigDecimal) r[6], (BigDecimal) r[7], (BigDecimal) r[8]))
                .sorted(Comparator.comparing(Row::medicalType).thenComparing(Row::insuranceType)).toList();
    }

    /**
     * The month's resident premiums of the region, subsidies apart, from account-service, which owns
     * them; empty when account-service cannot answer now (the settlements are reported all the same).
     */
    public java.util.Optional<AccountGateway.Premiums> premiums(String region, YearMonth month) {
        try {
            return java.util.Optional.of(accounts.premiums(region, month));
        } catch (DownstreamUnavailableException | ProblemException e) {
            return java.util.Optional.empty();
        }
    }

    /** "410000" -> "41", "410300" -> "4103", "410302" -> "410302". */
    static String prefix(String region) {
        if (region.endsWith("0000")) {
            return region.substring(0, 2);
        }
        return region.endsWith("00") ? region.substring(0, 4) : region;
    }

    /** Settled directly in another province (filed or exempt), by (insured province, destination province). */
    public List<RemotePair> remote(YearMonth month) {
        List<Object[]> rows = repository.remotePairs(calendar.start(month), calendar.end(month));
        return rows.stream().map(r -> new RemotePair((String) r[0], (String) r[1], ((Number) r[2]).longValue(),
                (BigDecimal) r[3])).toList();
    }
}
