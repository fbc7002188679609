package org.anodekmc.run;

import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

/**
 * Lets SIGINT and SIGTERM stop a run cleanly: the JVM's shutdown hook asks the run to stop at its next check (it then
 * writes a checkpoint and flushes its outputs) and holds the JVM's exit until the run has done so and
 * {@link #close()} is called.
 */
public final class StopRequest implements BooleanSupplier, AutoCloseable {
    private volatile boolean requested;
    private final CountDownLatch released = new CountDownLatch(1);
    private final Thread hook = new Thread(this::stopAndWait, "kmc-stop");

    private StopRequest() {
    }

    /** A stop request that SIGINT and SIGTERM set; close it when the run has returned or thrown. */
    public static StopRequest onSignals() {
        StopRequest request = new StopRequest();
        Runtime.getRuntime().addShutdownHook(request.hook);
        return request;
    }

    /** Whether the run should stop at its next check. */
    @Override
    public boolean getAsBoolean() {
        return requested;
    }

    private void stopAndWait() {
        requested = true;
        while (true) {
            try {
                released.await();
                return;
            } catch (InterruptedException e) {
                // keep the JVM alive until the run has saved its state
            }
        }
    }

    /** The run is over (finished, or stopped with its checkpoint written): the JVM may exit. */
    @Override
    public void close() {
        released.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running; the countdown above lets it return
        }
    }
}
