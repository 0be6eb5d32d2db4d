package org.madang.platform.search;

import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.madang.platform.cluster.DataGrid;

/**
 * Every instance of a cluster keeps its own index on its own disk; a committed change is applied locally and
 * published on a data-grid topic, and every other instance applies it to its index too. Messages hold JDK types only
 * (a string array), so no member needs the application's classes to read them.
 */
@ApplicationScoped
public class ClusterSearchChanges {

    private static final Logger LOG = Logger.getLogger(ClusterSearchChanges.class.getName());
    static final String TOPIC = "madang-search-changes";
    private static final String PUT = "put", REMOVE = "remove";

    @Inject
    DataGrid grid;

    private final String origin = UUID.randomUUID().toString();
    private ITopic<String[]> topic;
    private UUID listener;
    private volatile Consumer<SearchDocument> onPut = d -> { };
    private volatile java.util.function.BiConsumer<String, String> onRemove = (k, i) -> { };

    @PostConstruct
    void join() {
        grid.member().ifPresent(h -> {
            topic = h.getTopic(TOPIC);
            listener = topic.addMessageListener(this::received);
        });
    }

    @PreDestroy
    void leave() {
        if (topic != null && listener != null) topic.removeMessageListener(listener);
    }

    /** Where changes from other instances go (the local index). */
    void deliverTo(Consumer<SearchDocument> put, java.util.function.BiConsumer<String, String> remove) {
        onPut = put;
        onRemove = remove;
    }

    /** Whether other instances may exist, so that a restarted instance must assume its index missed changes. */
    boolean clustered() {
        return grid.member().map(h -> h.getCluster().getMembers().size() > 1).orElse(false);
    }

    void published(SearchDocument d) {
        publish(new String[] {origin, PUT, d.kind(), d.id(), d.title(), d.body(), d.scope(),
                d.date() == null ? null : Long.toString(d.date().toEpochMilli()), Boolean.toString(d.visible())});
    }

    void removed(String kind, String id) {
        publish(new String[] {origin, REMOVE, kind, id});
    }

    private void publish(String[] message) {
        if (topic == null) return;
        try {
            topic.publish(message);
        } catch (RuntimeException e) {
            // the local change stands; another instance's index catches up at its next rebuild
            LOG.log(Level.WARNING, "Search change not published to the other instances", e);
        }
    }

    private void received(Message<String[]> message) {
        String[] m = message.getMessageObject();
        if (m == null || m.length < 4 || origin.equals(m[0])) return;
        if (PUT.equals(m[1]) && m.length == 9) {
            onPut.accept(new SearchDocument(m[2], m[3], m[4], m[5], m[6], m[7] == null ? null : Instant.ofEpochMilli(Long.parseLong(m[7])),
                    Boolean.parseBoolean(m[8])));
        } else if (REMOVE.equals(m[1])) {
            onRemove.accept(m[2], m[3]);
        }
    }
}
