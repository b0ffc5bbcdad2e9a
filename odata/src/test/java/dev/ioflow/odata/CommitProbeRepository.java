package dev.ioflow.odata;

import dev.ioflow.core.ItemType;
import dev.ioflow.core.persistence.ItemFilter;
import dev.ioflow.core.persistence.ItemQuery;
import dev.ioflow.core.persistence.ItemRepository;
import dev.ioflow.core.persistence.UnitOfWork;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A repository that lets a test look into each unit of work at the moment it commits (everything the request did is
 * in it, nothing is committed yet), and can make that commit fail: the unit of work is rolled back instead, as when
 * the database refuses the commit or the process dies just before it.
 */
final class CommitProbeRepository implements ItemRepository {
    private final ItemRepository delegate;
    private volatile Consumer<UnitOfWork> beforeCommit = work -> { };
    private volatile boolean failCommits;

    CommitProbeRepository(ItemRepository delegate) {
        this.delegate = delegate;
    }

    /** Runs {@code probe} with each unit of work just before it commits. */
    void beforeCommit(Consumer<UnitOfWork> probe) {
        this.beforeCommit = probe;
    }

    /** Whether commits roll back and throw instead. */
    void failCommits(boolean fail) {
        this.failCommits = fail;
    }

    @Override
    public UnitOfWork begin() {
        UnitOfWork work = delegate.begin();
        return new UnitOfWork() {
            @Override
            public Object find(ItemType type, Map<String, ?> values) {
                return work.find(type, values);
            }

            @Override
            public void insert(ItemType type, Object item) {
                work.insert(type, item);
            }

            @Override
            public void update(ItemType type, Object previous, Object updated) {
                work.update(type, previous, updated);
            }

            @Override
            public Object update(ItemType type, Object item, Map<String, ?> values) {
                return work.update(type, item, values);
            }

            @Override
            public void delete(ItemType type, Object item) {
                work.delete(type, item);
            }

            @Override
            public List<Object> query(ItemType type, ItemQuery query) {
                return work.query(type, query);
            }

            @Override
            public long count(ItemType type, ItemFilter filter) {
                return work.count(type, filter);
            }

            @Override
            public <T> T unwrap(Class<T> type) {
                return work.unwrap(type);
            }

            @Override
            public void commit() {
                beforeCommit.accept(this);
                if (failCommits) {
                    work.rollback();
                    throw new IllegalStateException("the commit failed (test)");
                }
                work.commit();
            }

            @Override
            public void rollback() {
                work.rollback();
            }

            @Override
            public void close() {
                work.close();
            }
        };
    }
}
