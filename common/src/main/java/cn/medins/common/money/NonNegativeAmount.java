package cn.medins.common.money;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A yuan amount of 0 or more, at most 2 decimals, not above 100,000,000 (null passes: add @NotNull). */
@Documented
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@DecimalMin(value = "0", inclusive = true)
@DecimalMax("100000000")
@Digits(integer = 9, fraction = 2)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface NonNegativeAmount {
    String message() default "must be an amount in yuan of 0 or more, with at most 2 decimals, not above 100000000";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
