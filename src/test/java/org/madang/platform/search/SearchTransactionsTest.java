package org.madang.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Changes made inside a transaction reach the index when, and only if, it commits. */
class SearchTransactionsTest {

    /** A transaction whose status the test sets and whose ending it plays out. */
    static final class FakeTransaction implements TransactionSynchronizationRegistry {
        int status = Status.STATUS_ACTIVE;
        final List<Synchronization> synchronizations = new ArrayList<>();

        void end(int outcome) {
            synchronizations.forEach(s -> s.afterCompletion(outcome));
            synchronizations.clear();
            status = Status.STATUS_NO_TRANSACTION;
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            synchronizations.add(sync);
        }

        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public Object getTransactionKey() {
            return this;
        }

        @Override
        public void putResource(Object key, Object value) {
        }

        @Override
        public Object getResource(Object key) {
            return null;
        }

        @Override
        public void setRollbackOnly() {
            status = Status.STATUS_MARKED_ROLLBACK;
        }

        @Override
        public boolean getRollbackOnly() {
            return status == Status.STATUS_MARKED_ROLLBACK;
        }
    }

    final SearchIndex index = SearchIndex.inMemory();
    final FakeTransaction transaction = new FakeTransaction();

    {
        index.transactions = transaction;
    }

    @AfterEach
    void close() {
        index.close();
    }

    long found(String text) {
        return index.search(new SearchQuery(Set.of(), text, null, null, null, 0, 10)).total();
    }

    static SearchDocument post(String id, String body) {
        return new SearchDocument("forum-post", id, "제목", body, "forum-1", null, true);
    }

    @Test
    void aPutAppliesWhenItsTransactionCommits() {
        index.put(post("1", "환경보호 예산"));
        assertThat(found("환경보호")).isZero();
        transaction.end(Status.STATUS_COMMITTED);
        assertThat(found("환경보호")).isEqualTo(1);
    }

    @Test
    void aPutInATransactionThatRollsBackNeverApplies() {
        index.put(post("1", "환경보호 예산"));
        transaction.end(Status.STATUS_ROLLEDBACK);
        assertThat(found("환경보호")).isZero();
    }

    @Test
    void aChangeInATransactionMarkedForRollbackIsDropped() {
        transaction.setRollbackOnly();
        index.put(post("1", "환경보호 예산"));
        assertThat(transaction.synchronizations).isEmpty();
        transaction.end(Status.STATUS_ROLLEDBACK);
        assertThat(found("환경보호")).isZero();
    }

    @Test
    void aRemoveAppliesWhenItsTransactionCommits() {
        transaction.status = Status.STATUS_NO_TRANSACTION;
        index.put(post("1", "환경보호 예산"));
        assertThat(found("환경보호")).isEqualTo(1);
        transaction.status = Status.STATUS_ACTIVE;
        index.remove("forum-post", "1");
        assertThat(found("환경보호")).isEqualTo(1);
        transaction.end(Status.STATUS_COMMITTED);
        assertThat(found("환경보호")).isZero();
    }

    @Test
    void documentsWithoutDateOrScopeAreFoundWithNulls() {
        transaction.status = Status.STATUS_NO_TRANSACTION;
        index.put(new SearchDocument("publication", "x", "보고서", null, null, null, true));
        var hit = index.search(new SearchQuery(null, "보고서", null, null, null, 0, 10)).hits().get(0);
        assertThat(hit.date()).isNull();
        assertThat(hit.scope()).isNull();
        assertThat(hit.snippetHtml()).isEmpty();
        assertThat(hit.titleHtml()).isEqualTo("<mark>보고서</mark>");
    }
}
