package io.handoff.bench;

import java.util.Arrays;

/** Measured values (nanoseconds, counts) with nearest-rank percentiles. */
final class Samples {
    private long[] values = new long[256];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    /** The {@code i}-th value added. */
    long get(int i) {
        if (i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return values[i];
    }

    /** Nearest-rank percentile, {@code p} from 0 to 100. */
    long percentile(double p) {
        if (size == 0) {
            throw new IllegalStateException("no samples");
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
    }

    long max() {
        return percentile(100);
    }

    long min() {
        return percentile(0);
    }

    double mean() {
        return Arrays.stream(values, 0, size).average().orElseThrow();
    }

    static String micros(long nanos) {
        return nanos >= 1_000_000 ? String.format("%.2f ms", nanos / 1e6) : String.format("%d µs", Math.round(nanos / 1e3));
    }
}
