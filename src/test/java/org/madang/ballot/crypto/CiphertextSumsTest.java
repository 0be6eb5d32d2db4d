package org.madang.ballot.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.madang.ballot.group.Group;
import org.madang.ballot.group.IntegerGroup;
import org.madang.ballot.group.P256Group;
import org.madang.ballot.hash.HashValue;

/** Folded sums against one-by-one homomorphic addition, across several folds and a partial one. */
class CiphertextSumsTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void foldedSumsEqualOneByOneAdditionOnBothGroups() {
        for (Group group : new Group[] {P256Group.instance(), IntegerGroup.instance()}) {
            int count = group instanceof P256Group ? 2 * CiphertextSums.FOLD_EVERY + 37 : 40;
            ElectionKey key = new ElectionKey(group, group.gPow(NonceSequence.random(group, random)), HashValue.of(new byte[32]));
            CiphertextSums sums = new CiphertextSums(group);
            ElGamalCiphertext yes = ElGamalCiphertext.zero(group);
            ElGamalCiphertext no = ElGamalCiphertext.zero(group);
            for (int i = 0; i < count; i++) {
                ElGamalCiphertext forYes = ElGamalCiphertext.encrypt(key, i % 3 == 0 ? 1 : 0, NonceSequence.random(group, random));
                sums.add("contest/yes", forYes);
                yes = yes.add(forYes);
                if (i % 2 == 0) {
                    ElGamalCiphertext forNo = ElGamalCiphertext.encrypt(key, 1, NonceSequence.random(group, random));
                    sums.add("contest/no", forNo);
                    no = no.add(forNo);
                }
            }
            assertThat(sums.sums()).containsOnlyKeys("contest/yes", "contest/no");
            assertThat(sums.sums().get("contest/yes")).isEqualTo(yes);
            assertThat(sums.sums().get("contest/no")).isEqualTo(no);
            // adding after a read goes on from the sum read
            ElGamalCiphertext more = ElGamalCiphertext.encrypt(key, 1, NonceSequence.random(group, random));
            sums.add("contest/yes", more);
            assertThat(sums.sums().get("contest/yes")).isEqualTo(yes.add(more));
        }
    }

    @Test
    void nothingAddedMeansNoSums() {
        assertThat(new CiphertextSums(P256Group.instance()).sums()).isEmpty();
    }
}
