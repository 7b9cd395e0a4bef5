package cn.medins.reimbursement.claim;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the agency refuses a claim, told to the person. */
public record Rejection(@NotBlank @Size(max = 500) String reason) {
}
