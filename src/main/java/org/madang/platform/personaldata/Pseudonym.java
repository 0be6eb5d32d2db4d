package org.madang.platform.personaldata;

/**
 * The stable name under which an erased person's public contributions stay readable: the same number everywhere,
 * never derived from anything about the person.
 */
public record Pseudonym(long number) {

    public String korean() { return "탈퇴한 사용자 #" + number; }

    public String english() { return "Former user #" + number; }

    /** The one display name stored where a single name is kept (shown as is in both languages). */
    public String displayName() { return korean() + " (" + english() + ")"; }
}
