package cn.medins.reimbursement.visit;

import cn.medins.reimbursement.calculation.MedicalType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A visit (就诊) admitted by an institution: a stay (住院, 21) from its admission (入院) to its discharge
 * (出院), or an outpatient, chronic or pharmacy visit on its service date; with the cover decided at
 * admission ({@code cover*}, and what settlement needs of the person in {@code coverSnapshot}).
 */
@Entity
public class Visit extends PanacheEntityBase {

    /** The partial unique index (V9): one live visit per (institution, visit id). */
    static final String ONCE_LIVE = "visit_once_live";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "institution_code", nullable = false) public String institutionCode;
    @Column(name = "visit_id", nullable = false) public String visitId;
    @Column(name = "person_id", nullable = false) public long personId;

    @Enumerated(EnumType.STRING)
    @Column(name = "medical_type", nullable = false) public MedicalType medicalType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false) public VisitStatus status;

    @Column(name = "admission_date") public LocalDate admissionDate;
    @Column(name = "service_date") public LocalDate serviceDate;
    @Column(name = "discharge_date") public LocalDate dischargeDate;
    @Column(name = "disease_code") public String diseaseCode;

    @Column(name = "cover_eligible", nullable = false) public boolean coverEligible;
    @Column(name = "cover_mode") public String coverMode;
    @Column(name = "cover_filing_id") public Long coverFilingId;
    @Column(name = "cover_reason") public String coverReason;
    /** The settlement side's {@code AdmissionCover} as JSON. */
    @Column(name = "cover_snapshot", nullable = false) public String coverSnapshot;

    /** The live settlement (SETTLED), or the last one cancelled or voided (OPEN again). */
    @Column(name = "settlement_id") public Long settlementId;
    @Column(name = "created_at", nullable = false) public Instant createdAt;
    @Column(name = "updated_at", nullable = false) public Instant updatedAt;

    /** The first day fee lines may carry: the admission or the service date. */
    public LocalDate firstDay() {
        return medicalType == MedicalType.INPATIENT ? admissionDate : serviceDate;
    }

    public boolean inpatient() {
        return medicalType == MedicalType.INPATIENT;
    }
}
