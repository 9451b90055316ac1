package com.flashsale.coupon.worker.admin;

import com.flashsale.coupon.worker.campaign.CampaignTimes;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

/**
 * A time of a campaign's window that MySQL and the ledger can hold ({@link CampaignTimes}): refused
 * with the field's name before anything is read or written, rather than failing in the database.
 * Null is valid; {@code @NotNull} says where a time is required.
 */
@Documented
@Constraint(validatedBy = CampaignTime.InRange.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@interface CampaignTime {

    String message() default CampaignTimes.RANGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class InRange implements ConstraintValidator<CampaignTime, Instant> {

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return CampaignTimes.holds(value);
        }
    }
}
