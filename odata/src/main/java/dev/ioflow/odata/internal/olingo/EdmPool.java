package dev.ioflow.odata.internal.olingo;

import dev.ioflow.odata.internal.edm.IoEdmProvider;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.olingo.odata2.api.edm.Edm;
import org.apache.olingo.odata2.api.edm.provider.Schema;
import org.apache.olingo.odata2.api.rt.RuntimeDelegate;

/**
 * Olingo EDMs of one integration object, reused between requests. Olingo builds its EDM lazily and caches what it
 * built in plain hash maps, so an instance must not serve two requests at once; building a fresh one per request
 * repeats that work every time. A request borrows an instance, keeps it to the end (its {@code $batch} operations
 * included) and gives it back; at most {@value #KEPT} idle instances are kept.
 */
final class EdmPool {
    private static final int KEPT = 64;

    private final Schema schema;
    private final Queue<Edm> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();

    EdmPool(Schema schema) {
        this.schema = schema;
    }

    /** An EDM no other request uses until {@link #giveBack(Edm)}. */
    Edm borrow() {
        Edm edm = idle.poll();
        if (edm == null) {
            return RuntimeDelegate.createEdm(new IoEdmProvider(schema));
        }
        size.decrementAndGet();
        return edm;
    }

    /** Returns an EDM borrowed from this pool. */
    void giveBack(Edm edm) {
        if (size.incrementAndGet() <= KEPT) {
            idle.add(edm);
        } else {
            size.decrementAndGet();
        }
    }
}
