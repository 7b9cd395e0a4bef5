package cn.medins.reimbursement.accumulator;

import cn.medins.reimbursement.calculation.Accumulators;
import cn.medins.reimbursement.calculation.AssistanceUse;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/** A person's use of this year's quotas; settlements lock the row while they change it. */
@Entity
@Table(name = "yearly_accumulator")
public class YearlyAccumulator extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "inpatient_fund_paid", nullable = false)
    public BigDecimal inpatientFundPaid;

    @Column(name = "outpatient_deductible_used", nullable = false)
    public BigDecimal outpatientDeductibleUsed;

    @Column(name = "outpatient_fund_paid", nullable = false)
    public BigDecimal outpatientFundPaid;

    @Column(name = "catastrophic_burden", nullable = false)
    public BigDecimal catastrophicBurden;

    @Column(name = "catastrophic_paid", nullable = false)
    public BigDecimal catastrophicPaid;

    @Column(nullable = false)
    public int admissions;

    @Column(name = "assistance_deductible_used", nullable = false)
    public BigDecimal assistanceDeductibleUsed;

    @Column(name = "assistance_paid", nullable = false)
    public BigDecimal assistancePaid;

    @Column(name = "assistance_tilted_deductible_used", nullable = false)
    public BigDecimal assistanceTiltedDeductibleUsed;

    @Column(name = "assistance_tilted_paid", nullable = false)
    public BigDecimal assistanceTiltedPaid;

    @Column(name = "assistance_outpatient_paid", nullable = false)
    public BigDecimal assistanceOutpatientPaid;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** (person, year). */
    @Embeddable
    public record Key(@Column(name = "person_id") Long personId, @Column(name = "accumulator_year") Integer year)
            implements Serializable {
    }

    public Accumulators snapshot() {
        return new Accumulators(inpatientFundPaid, outpatientDeductibleUsed, outpatientFundPaid, catastrophicBurden,
                catastrophicPaid, admissions);
    }

    /** 医疗救助: the year's use of medical assistance. */
    public AssistanceUse assistance() {
        return new AssistanceUse(assistanceDeductibleUsed, assistancePaid, assistanceTiltedDeductibleUsed,
                assistanceTiltedPaid, assistanceOutpatientPaid);
    }

    public void setAssistance(AssistanceUse a) {
        assistanceDeductibleUsed = a.deductibleUsed();
        assistancePaid = a.paid();
        assistanceTiltedDeductibleUsed = a.tiltedDeductibleUsed();
        assistanceTiltedPaid = a.tiltedPaid();
        assistanceOutpatientPaid = a.outpatientPaid();
    }

    public void set(Accumulators a, Instant at) {
        inpatientFundPaid = a.inpatientFundPaid();
        outpatientDeductibleUsed = a.outpatientDeductibleUsed();
        outpatientFundPaid = a.outpatientFundPaid();
        catastrophicBurden = a.catastrophicBurden();
        catastrophicPaid = a.catastrophicPaid();
        admissions = a.admissions();
        updatedAt = at;
    }
}
