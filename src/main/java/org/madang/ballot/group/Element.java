package org.madang.ballot.group;

/**
 * A member of the group in which ElectionGuard computes (Z_p^r for the integer group, the curve
 * points for P-256). Written multiplicatively as in the spec, whichever the group.
 * Elements are immutable and only ever obtained from their {@link Group}, already validated.
 */
public interface Element {

    Group group();

    Element multiply(Element other);

    Element inverse();

    default Element divide(Element other) {
        return multiply(other.inverse());
    }

    Element pow(Scalar exponent);

    boolean isIdentity();

    /** The byte encoding used both in the record (base64) and inside hash inputs. */
    byte[] encode();
}
