package cn.medins.account.contribution;

import cn.medins.account.enrollment.InsuranceType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * A contribution (缴费): an employee's month ({@code period}) or a resident's yearly premium
 * ({@code contributionYear}).
 */
@Entity
public class Contribution extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "person_id", nullable = false)
    public Long personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InsuranceType kind;

    public YearMonth period;

    @Column(name = "contribution_year")
    public Integer contributionYear;

    @Column(name = "individual_amount")
    public BigDecimal individualAmount;

    @Column(name = "employer_amount")
    public BigDecimal employerAmount;

    /** The whole contribution: individual + employer, or the resident premium. */
    @Column(nullable = false)
    public BigDecimal amount;

    /** What went into the personal account. */
    @Column(name = "credited_amount", nullable = false)
    public BigDecimal creditedAmount;

    @Column(name = "paid_on", nullable = false)
    public LocalDate paidOn;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** 家庭共济代缴: the holder whose personal account paid this premium, and the payment (else null). */
    @Column(name = "paid_by_person_id")
    public Long paidByPersonId;

    @Column(name = "payment_id")
    public Long paymentId;

    /** 资助参保: the part of a resident's premium a subsidy paid, and who granted it (else null). */
    @Column(name = "subsidy_amount")
    public BigDecimal subsidyAmount;

    @Column(name = "subsidy_source")
    public String subsidySource;

    public static List<YearMonth> monthsOf(long personId) {
        // the months only, not whole entities: asked on every eligibility check
        return getEntityManager().createQuery("select c.period from Contribution c where c.personId = ?1 "
                + "and c.period is not null order by c.period", YearMonth.class).setParameter(1, personId).getResultList();
    }

    public static Optional<Contribution> forMonth(long personId, YearMonth period) {
        return find("personId = ?1 and period = ?2", personId, period).firstResultOptional();
    }

    public static Optional<Contribution> forYear(long personId, int year) {
        return find("personId = ?1 and contributionYear = ?2", personId, year).firstResultOptional();
    }

    /** A person's contributions, months and years in order; of one year only when {@code year} is given. */
    public static List<Contribution> of(long personId, Integer year) {
        return year == null
                ? list("personId = ?1 order by coalesce(contributionYear, 0), period, id", personId)
                : list("personId = ?1 and (contributionYear = ?2 or (period is not null and period >= ?3 and period <= ?4))"
                        + " order by period, id", personId, year, YearMonth.of(year, 1), YearMonth.of(year, 12));
    }

    public static long removeForPayment(long paymentId) {
        return delete("paymentId", paymentId);
    }

    /**
     * Resident premiums paid in {@code [from, to)} by persons whose enrollment on the day of payment was
     * in a region starting with {@code regionPrefix}, grouped by subsidy source (null: no subsidy):
     * source, count, premiums, subsidies, paid by a relative's account.
     */
    @SuppressWarnings("unchecked")
    public static List<Object[]> premiumTotals(String regionPrefix, java.time.LocalDate from, java.time.LocalDate to) {
        return getEntityManager().createNativeQuery("select c.subsidy_source, count(*), sum(c.amount),"
                        + " coalesce(sum(c.subsidy_amount), 0),"
                        + " coalesce(sum(c.amount) filter (where c.paid_by_person_id is not null), 0)"
                        + " from {h-schema}contribution c join {h-schema}enrollment e on e.person_id = c.person_id"
                        + " and e.enrolled_on <= c.paid_on and (e.ended_on is null or e.ended_on > c.paid_on)"
                        + " where c.kind = 'RESIDENT' and c.paid_on >= ?2 and c.paid_on < ?3"
                        + " and e.insured_region like ?1 group by c.subsidy_source order by c.subsidy_source nulls first")
                .setParameter(1, regionPrefix + "%").setParameter(2, from).setParameter(3, to).getResultList();
    }
}
