package org.madang.ballot.crypto;

import org.madang.ballot.group.Element;
import org.madang.ballot.group.FixedBase;
import org.madang.ballot.group.Group;
import org.madang.ballot.hash.HashValue;

/**
 * What every ballot-level proof is bound to: the group, the joint election public key K (with
 * its precomputed table) and the extended base hash H_E.
 */
public final class ElectionKey {

    private final Group group;
    private final Element jointPublicKey;
    private final FixedBase keyBase;
    private final FixedBase generatorBase;
    private final HashValue extendedBaseHash;

    public ElectionKey(Group group, Element jointPublicKey, HashValue extendedBaseHash) {
        this.group = group;
        this.jointPublicKey = jointPublicKey;
        this.keyBase = group.fixedBase(jointPublicKey);
        this.generatorBase = group.fixedBase(group.generator());
        this.extendedBaseHash = extendedBaseHash;
    }

    public Group group() {
        return group;
    }

    /** K. */
    public Element publicKey() {
        return jointPublicKey;
    }

    public FixedBase publicKeyBase() {
        return keyBase;
    }

    public FixedBase generatorBase() {
        return generatorBase;
    }

    /** H_E. */
    public HashValue extendedBaseHash() {
        return extendedBaseHash;
    }
}
