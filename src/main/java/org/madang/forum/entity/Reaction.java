package org.madang.forum.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A person's agreement or disagreement with a post: one per person per post (the primary key), changeable. */
@Entity
@Table(name = "forum_reaction")
@IdClass(Reaction.Key.class)
public class Reaction {

    public enum Kind { AGREE, DISAGREE }

    /** The composite key, as JPA wants it: a class with the id fields' names. */
    public static class Key implements Serializable {
        private UUID postId;
        private UUID accountId;

        public Key() {
        }

        public Key(UUID postId, UUID accountId) {
            this.postId = postId;
            this.accountId = accountId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(postId, k.postId) && java.util.Objects.equals(accountId, k.accountId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(postId, accountId);
        }
    }

    @Id
    @Column(name = "post_id")
    private UUID postId;
    @Id
    @Column(name = "account_id")
    private UUID accountId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;
    @Column(name = "reacted_at", nullable = false)
    private Instant reactedAt;

    protected Reaction() {
    }

    public Reaction(UUID postId, UUID accountId, Kind kind, Instant reactedAt) {
        this.postId = postId;
        this.accountId = accountId;
        this.kind = kind;
        this.reactedAt = reactedAt;
    }

    public void change(Kind newKind, Instant now) {
        kind = newKind;
        reactedAt = now;
    }

    public UUID postId() { return postId; }
    public Kind kind() { return kind; }
}
