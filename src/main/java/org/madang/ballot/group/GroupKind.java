package org.madang.ballot.group;

/** The two kinds of group an ElectionGuard record may name in constants.json ("type"). */
public enum GroupKind {
    IntegerGroup,
    EllipticCurve
}
