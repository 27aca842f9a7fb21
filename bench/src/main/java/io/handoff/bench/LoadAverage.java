package io.handoff.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** Latencies mean little on a machine busy with other work, so every benchmark says how busy it was. */
final class LoadAverage {
    private LoadAverage() {
    }

    /** The 1-minute system load average now, or a negative number where the platform has none. */
    static double now() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** {@code System load average (1 min): 3.2 on 2 CPUs -- busy machine, latencies are inflated}. */
    static String line() {
        double load = now();
        int cpus = Runtime.getRuntime().availableProcessors();
        return load < 0 ? "System load average: not available"
                : String.format(Locale.ROOT, "System load average (1 min): %.1f on %d CPUs%s", load, cpus,
                        load > cpus ? " -- busy machine, latencies are inflated" : "");
    }

    /** A short {@code load 3.2} to print beside one figure. */
    static String brief() {
        double load = now();
        return load < 0 ? "load n/a" : String.format(Locale.ROOT, "load %.1f", load);
    }
}
