package io.handoff.map;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many PNGs may be drawn at the same moment, and how many pixels they may hold between them, so that a burst of
 * map requests waits its turn instead of filling the heap: a 4-byte pixel each (a big map is up to 24 million pixels,
 * 96 MB), plus Java2D's per-thread rasteriser buffers and the PNG encoder's native sections, which hold up the
 * garbage collector while they run. The pixel budget is a share of the JVM's maximum heap, counted in megapixels; a
 * picture takes its size in megapixels (at least one, at most the whole budget, so even the largest picture can be
 * drawn on its own). The number of pictures drawn at once is the number of processors: more would not finish sooner.
 * A request that cannot get its share within a time limit ({@link #tryTake}) gives up instead of queueing without
 * bound: under more map requests than the processors can draw, waiting requests would otherwise fill the heap.
 */
final class PixelBudget {
    /** The JVM-wide budget: a quarter of the maximum heap, one picture per processor. */
    static final PixelBudget HEAP = new PixelBudget(Runtime.getRuntime().maxMemory() / 4 / 4 / 1_000_000,
            Runtime.getRuntime().availableProcessors());

    private final int megapixels;
    private final Semaphore available;
    private final Semaphore drawing;

    PixelBudget(long megapixels, int atOnce) {
        this.megapixels = (int) Math.max(1, Math.min(Integer.MAX_VALUE, megapixels));
        this.available = new Semaphore(this.megapixels, true);
        this.drawing = new Semaphore(Math.max(1, atOnce), true);
    }

    /** Waits until a picture of {@code pixels} may be drawn; call {@link Lease#close()} when it is encoded. */
    Lease take(long pixels) {
        int wanted = megapixelsFor(pixels);
        drawing.acquireUninterruptibly();
        available.acquireUninterruptibly(wanted);
        return lease(wanted);
    }

    /**
     * Waits at most {@code maxWait} (in all) for a drawing slot and then for the pixels; empty when either did not come
     * in time, holding nothing.
     */
    Optional<Lease> tryTake(long pixels, Duration maxWait) {
        int wanted = megapixelsFor(pixels);
        long deadline = System.nanoTime() + Math.max(0, maxWait.toNanos());
        try {
            if (!drawing.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return Optional.empty();
            }
            try {
                if (!available.tryAcquire(wanted, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    drawing.release();
                    return Optional.empty();
                }
            } catch (InterruptedException e) {
                drawing.release();
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return Optional.of(lease(wanted));
    }

    /** A picture's share: its size in megapixels, at least one, at most the whole budget. */
    private int megapixelsFor(long pixels) {
        return (int) Math.max(1, Math.min(megapixels, (pixels + 999_999) / 1_000_000));
    }

    /** Gives back the pixels and the drawing slot taken. */
    private Lease lease(int wanted) {
        return () -> {
            available.release(wanted);
            drawing.release();
        };
    }

    int megapixels() {
        return megapixels;
    }

    int availableMegapixels() {
        return available.availablePermits();
    }

    /** A share of the budget, given back on close. */
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }
}
