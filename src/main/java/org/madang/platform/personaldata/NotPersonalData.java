package org.madang.platform.personaldata;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a field whose name looks personal (e.g. an organisation's name) but that holds nothing about a person. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface NotPersonalData {
    /** Why it is not about a person; shown in the test's failure message when it goes missing. */
    String value();
}
