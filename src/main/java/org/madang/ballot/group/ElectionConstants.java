package org.madang.ballot.group;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The record's constants.json: which group, which protocol version, and the group's parameters
 * by their egk-ec names ("largePrime", "smallPrime", "cofactor", "generator" for the integer
 * group; "a", "b", "primeModulus", "order", "g.x", "g.y", "h" for an elliptic curve).
 */
public record ElectionConstants(String name, GroupKind kind, String protocolVersion, Map<String, BigInteger> parameters) {

    public ElectionConstants {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public BigInteger parameter(String key) {
        return parameters.get(key);
    }
}
