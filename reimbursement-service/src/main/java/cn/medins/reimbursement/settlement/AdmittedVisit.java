package cn.medins.reimbursement.settlement;

import cn.medins.reimbursement.calculation.MedicalType;
import java.time.LocalDate;

/**
 * A visit admitted through {@code POST /visits} (入院办理 or 挂号), as settlement reads it: its identity,
 * dates, and the cover stored at admission. {@code ref} is the visit's row, whose fee lines
 * {@link UploadedVisits} sums.
 */
public record AdmittedVisit(long ref, String institutionCode, String visitId, long personId, MedicalType medicalType,
                            LocalDate admissionDate, LocalDate dischargeDate, LocalDate serviceDate, String diseaseCode,
                            AdmissionCover cover) {
}
