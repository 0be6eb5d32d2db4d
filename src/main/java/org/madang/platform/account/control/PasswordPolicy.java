package org.madang.platform.account.control;

import org.madang.platform.error.ProblemException;

/** NIST SP 800-63B style: long enough, not absurdly long, not the e-mail address. No composition rules. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    static void check(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw ProblemException.invalid("password", "password.tooShort", MIN_LENGTH);
        }
        if (password.length() > MAX_LENGTH) {
            throw ProblemException.invalid("password", "password.tooLong", MAX_LENGTH);
        }
        if (email != null && password.equalsIgnoreCase(email)) {
            throw ProblemException.invalid("password", "password.isEmail");
        }
    }
}
