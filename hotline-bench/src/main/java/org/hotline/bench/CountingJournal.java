package org.hotline.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.hotline.core.call.CallJournal;

/**
 * The real journal, watched: how many writes are running now (ours writes the ramp's records in the background,
 * and the hold figures should not include that catch-up), how many ran, and how many failed. A dynamic proxy, so
 * the bench keeps compiling when the journal gains a method.
 */
final class CountingJournal implements InvocationHandler {
    private final CallJournal journal;
    private final AtomicInteger running = new AtomicInteger();
    private final LongAdder done = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder entriesFailed = new LongAdder();

    private CountingJournal(CallJournal journal) {
        this.journal = journal;
    }

    static CountingJournal watching(CallJournal journal) {
        return new CountingJournal(journal);
    }

    CallJournal journal() {
        return (CallJournal) Proxy.newProxyInstance(CallJournal.class.getClassLoader(),
                new Class<?>[] {CallJournal.class}, this);
    }

    int running() {
        return running.get();
    }

    long done() {
        return done.sum();
    }

    long failed() {
        return failed.sum();
    }

    /** Failed first records: those calls have no row, so every later write of theirs fails too. */
    long entriesFailed() {
        return entriesFailed.sum();
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return method.invoke(this, args);
        }
        running.incrementAndGet();
        try {
            return method.invoke(journal, args);
        } catch (InvocationTargetException e) {
            failed.increment();
            if (method.getName().equals("enter")) {
                entriesFailed.increment();
            }
            throw e.getCause();
        } finally {
            running.decrementAndGet();
            done.increment();
        }
    }
}
