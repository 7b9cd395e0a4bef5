package cn.medins.reimbursement.visit;

import cn.medins.reimbursement.calculation.MedicalType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * An admission (入院办理) of a stay (21, {@code admissionDate}), or the registration (挂号) of another visit
 * ({@code serviceDate}); {@code diseaseCode} names the registered disease of a chronic/special outpatient
 * visit (14), required there.
 */
public record AdmissionRequest(
        @NotBlank @Size(max = 32) String institutionCode,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[!-.0-~]+", message = "must be printable ASCII without spaces or '/'")
        String visitId,
        @NotNull Long personId,
        @NotNull MedicalType medicalType,
        LocalDate admissionDate,
        LocalDate serviceDate,
        @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}") String diseaseCode) {

    /** The date whose cover counts: the admission's for a stay, else the service date. */
    public LocalDate coverDate() {
        return medicalType == MedicalType.INPATIENT ? admissionDate : serviceDate;
    }
}
