package org.madang.disclosure.entity;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import java.util.concurrent.atomic.AtomicLong;

/** Counts changes to disclosure requests written through this instance, so figures derived from them know when to recompute. */
public class DisclosureRequestChanges {

    private static final AtomicLong GENERATION = new AtomicLong();

    public static long generation() {
        return GENERATION.get();
    }

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object request) {
        GENERATION.incrementAndGet();
    }
}
