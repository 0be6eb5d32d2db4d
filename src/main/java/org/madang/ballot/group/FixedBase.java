package org.madang.ballot.group;

/** A base with precomputed tables, for the many exponentiations of g and of the joint key K. */
public interface FixedBase {

    Element base();

    Element pow(Scalar exponent);
}
