package cn.medins.reimbursement.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the transactions begun on each thread (Narayana starts a transaction-scoped context for each). */
@ApplicationScoped
public class TransactionCounter {

    private final Map<Thread, AtomicInteger> begun = new ConcurrentHashMap<>();

    void begun(@Observes @Initialized(TransactionScoped.class) Object transaction) {
        begun.computeIfAbsent(Thread.currentThread(), t -> new AtomicInteger()).incrementAndGet();
    }

    /** Forgets what this thread began so far. */
    public void reset() {
        begun.remove(Thread.currentThread());
    }

    /** How many transactions this thread began since {@link #reset()}. */
    public int onThisThread() {
        AtomicInteger count = begun.get(Thread.currentThread());
        return count == null ? 0 : count.get();
    }
}
