package org.anodekmc.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads of a run on several threads, for one call of {@link Simulation#advance}: worker 0 runs on the calling
 * thread, the others each on a thread of their own, and every phase starts and ends at a barrier (which also makes
 * each phase's writes visible to the next). Closing ends the threads. A window may hold only tens of events, so
 * the barriers wait by spinning first, and park only when the wait grows long.
 */
final class PhaseThreads implements AutoCloseable {
    private final Worker[] workers;
    private final LatticeState wholeState;
    private final ElectrolyteReach wholeReach;
    private final Barrier start;
    private final Barrier end;
    private final Thread[] threads;
    // what the next phase runs: written by the calling thread before the start barrier
    private int parity;
    private double from;
    private double to;
    private boolean closing;
    private volatile Throwable failure;

    PhaseThreads(Worker[] workers, LatticeState wholeState, ElectrolyteReach wholeReach) {
        this.workers = workers;
        this.wholeState = wholeState;
        this.wholeReach = wholeReach;
        start = new Barrier(workers.length);
        end = new Barrier(workers.length);
        threads = new Thread[workers.length - 1];
        for (int t = 1; t < workers.length; t++) {
            int thread = t;
            try {
                threads[t - 1] = new Thread(() -> serve(thread), "kmc-band-" + t);
                threads[t - 1].setDaemon(true);
                threads[t - 1].start();
            } catch (RuntimeException | Error e) { // e.g. no native thread left: end the ones already waiting
                closing = true;
                start.abandon();
                throw new IllegalStateException("cannot start thread " + (t + 1) + " of " + workers.length
                        + " of the run (engine.threads): " + e, e);
            }
        }
    }

    /** Runs a phase, the bands of one parity (band 2t + parity on thread t), from one time to another. */
    void run(int bandParity, double fromTime, double toTime) {
        parity = bandParity;
        from = fromTime;
        to = toTime;
        start.await();
        runWorker(0);
        end.await();
        Throwable f = failure;
        if (f != null) {
            throw f instanceof RuntimeException r ? r : new IllegalStateException("a band's thread failed", f);
        }
    }

    private void serve(int thread) {
        while (true) {
            start.await();
            if (closing) {
                return;
            }
            runWorker(thread);
            end.await();
        }
    }

    private void runWorker(int thread) {
        try {
            workers[thread].runPhase(wholeState, wholeReach, 2 * thread + parity, from, to);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    /**
     * A reusable barrier for a fixed number of threads: the last to arrive opens the next generation; the others spin
     * for it, then poll it with short parks. An interrupt does not end the wait (a phase cannot be left half done);
     * it is kept for the caller, and the wait still parks rather than spins.
     */
    private static final class Barrier {
        private static final int SPINS = 1 << 14;
        private static final long PARK_NANOS = 20_000;
        private final int parties;
        private final AtomicInteger waiting = new AtomicInteger();
        private volatile int generation;
        private volatile boolean abandoned;

        Barrier(int parties) {
            this.parties = parties;
        }

        void await() {
            int current = generation;
            if (waiting.incrementAndGet() == parties) {
                waiting.set(0);
                generation = current + 1;
                return;
            }
            boolean interrupted = false;
            for (int i = 0; generation == current && !abandoned; i++) {
                if (i < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.parkNanos(PARK_NANOS);
                    interrupted |= Thread.interrupted(); // a pending interrupt would make every park return at once
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        /** Lets everyone waiting, now or later, go on: not all parties will come (a thread could not be started). */
        void abandon() {
            abandoned = true;
        }
    }

    @Override
    public void close() {
        closing = true;
        start.await();
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
