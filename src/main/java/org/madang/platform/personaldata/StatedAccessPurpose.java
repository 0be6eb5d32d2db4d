package org.madang.platform.personaldata;

import jakarta.enterprise.context.RequestScoped;

/** The purpose the caller of this request stated, once {@link AccessPurposeFilter} has checked it. */
@RequestScoped
public class StatedAccessPurpose {

    private String purpose;

    void state(String checked) { purpose = checked; }

    public String purpose() {
        if (purpose == null) throw new IllegalStateException("No purpose stated: is the method @AccessPurposeRequired?");
        return purpose;
    }
}
