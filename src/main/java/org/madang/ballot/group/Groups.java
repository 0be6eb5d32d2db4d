package org.madang.ballot.group;

import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;

/** Chooses the group a record's constants.json describes. Only the two standard groups are accepted. */
public final class Groups {

    private Groups() {
    }

    /**
     * The group whose parameters equal {@code constants}' (compared value by value, so a record
     * naming P-256 but carrying other curve parameters is refused, not silently "fixed").
     */
    public static Group fromConstants(ElectionConstants constants) throws UnsupportedGroupException {
        Group candidate = switch (constants.kind()) {
            case EllipticCurve -> P256Group.instance();
            case IntegerGroup -> IntegerGroup.instance();
        };
        String mismatch = firstMismatch(candidate.constants().parameters(), constants.parameters());
        if (mismatch != null) {
            throw new UnsupportedGroupException("constants.json does not describe the standard "
                    + candidate.name() + " group: parameter '" + mismatch + "' differs or is missing");
        }
        return candidate;
    }

    /** The name of the first standard parameter the record lacks or states differently, else null. */
    public static String firstMismatch(Map<String, BigInteger> standard, Map<String, BigInteger> stated) {
        for (Map.Entry<String, BigInteger> e : standard.entrySet()) {
            if (!Objects.equals(e.getValue(), stated.get(e.getKey()))) {
                return e.getKey();
            }
        }
        return null;
    }

    /** A record whose constants are not one of the standard groups. */
    public static final class UnsupportedGroupException extends Exception {
        public UnsupportedGroupException(String message) {
            super(message);
        }
    }
}
