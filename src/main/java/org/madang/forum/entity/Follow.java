package org.madang.forum.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A person follows a thread: new replies reach them by mail, as their digest preference says. */
@Entity
@Table(name = "forum_follow")
@IdClass(Follow.Key.class)
public class Follow {

    public static class Key implements Serializable {
        private UUID threadId;
        private UUID accountId;

        public Key() {
        }

        public Key(UUID threadId, UUID accountId) {
            this.threadId = threadId;
            this.accountId = accountId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(threadId, k.threadId) && Objects.equals(accountId, k.accountId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(threadId, accountId);
        }
    }

    @Id
    @Column(name = "thread_id")
    private UUID threadId;
    @Id
    @Column(name = "account_id")
    private UUID accountId;
    @Column(name = "followed_at", nullable = false)
    private Instant followedAt;

    protected Follow() {
    }

    public Follow(UUID threadId, UUID accountId, Instant followedAt) {
        this.threadId = threadId;
        this.accountId = accountId;
        this.followedAt = followedAt;
    }

    public UUID threadId() { return threadId; }
    public UUID accountId() { return accountId; }
}
