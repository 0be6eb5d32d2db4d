package org.madang.platform.personaldata;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a staff endpoint that reads citizens' personal data: the caller must state a purpose in the
 * {@value PersonalDataAccess#PURPOSE_HEADER} header (else 400), which the method then finds in
 * {@link StatedAccessPurpose} and passes to {@link PersonalDataAccess#record} for every person it shows.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AccessPurposeRequired {
}
