package dev.caisey.agent.connection;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Wakes one waiting thread when there is something new to do; signals while nobody waits are merged into one. */
final class Wakeup {
    private final Semaphore permits = new Semaphore(0);

    /** Something changed. */
    void signal() {
        if (permits.availablePermits() == 0) {
            permits.release();
        }
    }

    /** Waits for a signal or the timeout, whichever comes first. */
    void await(Duration timeout) throws InterruptedException {
        if (permits.tryAcquire(Math.max(1, timeout.toNanos()), TimeUnit.NANOSECONDS)) {
            permits.drainPermits();
        }
    }
}
