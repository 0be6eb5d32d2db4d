package org.madang.platform.personaldata;

/** Why the platform may process a field: PIPA art. 15(1) grounds, with their GDPR art. 6 counterparts. */
public enum LegalBasis {
    /** PIPA 15(1)1, GDPR 6(1)(a): the person agreed, and may withdraw. */
    CONSENT,
    /** PIPA 15(1)4, GDPR 6(1)(b): needed to give the person the service they signed up for. */
    CONTRACT,
    /** PIPA 15(1)2, GDPR 6(1)(c): a statute requires it (e.g. keeping access records). */
    LEGAL_OBLIGATION,
    /** PIPA 15(1)3, GDPR 6(1)(e): a public body's statutory task (e.g. the voter roll). */
    PUBLIC_TASK
}
