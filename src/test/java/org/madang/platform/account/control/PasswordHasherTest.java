package org.madang.platform.account.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashesVerifyTheirOwnPasswordOnly() {
        String hash = hasher.hash("correct horse battery");
        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(hasher.matches("correct horse battery", hash)).isTrue();
        assertThat(hasher.matches("correct horse batterY", hash)).isFalse();
        assertThat(hasher.matches("", hash)).isFalse();
        assertThat(hasher.matches(null, hash)).isFalse();
        assertThat(hasher.matches("correct horse battery", null)).isFalse();
    }

    @Test
    void eachHashHasItsOwnSalt() {
        assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
    }

    @Test
    void nonAsciiPasswordsAreHashedAsUtf8() {
        String hash = hasher.hash("마당에서 만나요 🌳");
        assertThat(hasher.matches("마당에서 만나요 🌳", hash)).isTrue();
        assertThat(hasher.matches("마당에서 만나요", hash)).isFalse();
    }

    @Test
    void parametersTravelInTheString() {
        // a hash made with other (cheaper) parameters still verifies: they are read from the string, not assumed
        String hash = hasher.hash("correct horse battery");
        String[] parts = hash.split("\\$");
        String cheaper = PasswordHasherTestSupport.argon2id("correct horse battery", parts[4], 1024, 1, 1);
        assertThat(hasher.matches("correct horse battery", cheaper)).isTrue();
        assertThat(hasher.matches("wrong horse battery", cheaper)).isFalse();
        // and changing a parameter of a real hash breaks it
        assertThat(hasher.matches("correct horse battery", hash.replace("t=2", "t=3"))).isFalse();
        assertThat(hasher.matches("correct horse battery", hash.replace("m=19456", "m=19457"))).isFalse();
    }

    @Test
    void malformedPhcStringsNeverMatchAndNeverThrow() {
        String good = hasher.hash("correct horse battery");
        String[] malformed = {
            "", "$", "$$$$$", "plain text", "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaA",
            good.replace("argon2id", "argon2d"), good.replace("v=19", "v=16"), good.replace("m=19456", "m=abc"),
            good.replace("m=19456,t=2,p=1", "m=19456,t=2"), good.replace("m=19456,t=2,p=1", "m=19456,t=2,p=1,x=5"),
            good.replace("m=19456,t=2,p=1", "m=-1,t=2,p=1"), good.replace("m=19456,t=2,p=1", "m=19456,t=0,p=1"),
            good.replace("m=19456,t=2,p=1", "m=19456,t=2,p=0"), good.substring(0, good.lastIndexOf('$')) + "$!!!notbase64",
            good.substring(0, good.lastIndexOf('$')) + "$", good + "$extra", good.substring(0, good.length() - 5),
        };
        for (String encoded : malformed) {
            assertThat(hasher.matches("correct horse battery", encoded)).as(encoded).isFalse();
        }
    }

    @Test
    void theUnusableHashMatchesNothing() {
        assertThat(hasher.matches("", PasswordHasher.UNUSABLE)).isFalse();
        assertThat(hasher.matches("unusable-", PasswordHasher.UNUSABLE)).isFalse();
    }
}
