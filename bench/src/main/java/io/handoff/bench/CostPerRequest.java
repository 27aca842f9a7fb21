package io.handoff.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * What one request costs each side, less noisy than latency on a busy machine: the CPU this JVM spent (the app, the
 * bare app and the driver all run in it, so the driver's share is in both figures) and the Redis commands the server
 * executed (INFO commandstats; the app's background work included, the bare app has none), per request, measured
 * side after side at concurrency 1 in alternating rounds.
 */
final class CostPerRequest {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private CostPerRequest() {
    }

    /** Both sides' cost, as one printable line; {@code requests} per side and round, two rounds. */
    static String line(LatencyDriver driver, BenchRedis redis, LatencyDriver.Side handoff, LatencyDriver.Side bare,
                       int requests) throws Exception {
        long[] handoffCost = new long[2];
        long[] bareCost = new long[2];
        for (int round = 0; round < 2; round++) {
            for (LatencyDriver.Side side : round == 0 ? java.util.List.of(handoff, bare)
                    : java.util.List.of(bare, handoff)) {
                long cpu = OS.getProcessCpuTime();
                long commands = redis.commandCalls();
                driver.run(side, 1, requests, new Samples());
                long[] into = side == handoff ? handoffCost : bareCost;
                into[0] += OS.getProcessCpuTime() - cpu;
                into[1] += redis.commandCalls() - commands - 1; // the first INFO of the two
            }
        }
        double n = 2.0 * requests;
        return String.format(Locale.ROOT, "JVM CPU per request (driver included): Handoff %.0f µs, %s %.0f µs; "
                        + "Redis commands per request: Handoff %.1f, %s %.1f", handoffCost[0] / 1e3 / n, bare.name(),
                bareCost[0] / 1e3 / n, handoffCost[1] / n, bare.name(), bareCost[1] / n);
    }
}
