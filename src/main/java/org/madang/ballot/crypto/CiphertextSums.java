package org.madang.ballot.crypto;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.madang.ballot.group.Element;
import org.madang.ballot.group.Group;

/**
 * Homomorphic sums of many ciphertexts under keys (one per contest option). Ciphertexts wait and are multiplied in
 * groups: on P-256 each single product is a point addition plus an inversion to make it affine again, which made the
 * inversions half of a 100,000-ballot tally; a group of {@value #FOLD_EVERY} needs one.
 */
public final class CiphertextSums {

    static final int FOLD_EVERY = 256;
    private final Group group;
    private final Map<String, ElGamalCiphertext> sums = new HashMap<>();
    private final Map<String, List<ElGamalCiphertext>> waiting = new HashMap<>();

    public CiphertextSums(Group group) {
        this.group = group;
    }

    public void add(String key, ElGamalCiphertext ciphertext) {
        List<ElGamalCiphertext> queue = waiting.computeIfAbsent(key, k -> new ArrayList<>());
        queue.add(ciphertext);
        if (queue.size() >= FOLD_EVERY) {
            fold(key, queue);
        }
    }

    /** Every sum, by key (a read-only view). */
    public Map<String, ElGamalCiphertext> sums() {
        waiting.forEach((key, queue) -> {
            if (!queue.isEmpty()) {
                fold(key, queue);
            }
        });
        return Collections.unmodifiableMap(sums);
    }

    private void fold(String key, List<ElGamalCiphertext> queue) {
        List<Element> pads = new ArrayList<>(queue.size() + 1);
        List<Element> datas = new ArrayList<>(queue.size() + 1);
        ElGamalCiphertext sofar = sums.get(key);
        if (sofar != null) {
            pads.add(sofar.pad());
            datas.add(sofar.data());
        }
        for (ElGamalCiphertext c : queue) {
            pads.add(c.pad());
            datas.add(c.data());
        }
        sums.put(key, new ElGamalCiphertext(group.publicProduct(pads), group.publicProduct(datas)));
        queue.clear();
    }
}
