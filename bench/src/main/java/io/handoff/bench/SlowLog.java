package io.handoff.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;

/**
 * The server's slow log over a stretch of a benchmark, recording every command (threshold 0): how long each kind of
 * command took the server (a script by its SHA-1 prefix and key count), and which took longer than
 * {@link #THRESHOLD_MICROS}, so a client-side p99 can be told apart from server-side work (a script copying a long
 * string) and from the client or the machine (GC, a descheduled thread on a busy host).
 */
final class SlowLog {
    static final int THRESHOLD_MICROS = 500;
    private static final int MAX_LEN = 16_384;

    private SlowLog() {
    }

    /** Logs commands over {@link #THRESHOLD_MICROS}, or every command when {@code everything}. */
    static void start(UnifiedJedis client, boolean everything) {
        try {
            client.configSet("slowlog-log-slower-than", everything ? "0" : Integer.toString(THRESHOLD_MICROS));
            client.configSet("slowlog-max-len", Integer.toString(MAX_LEN));
            client.slowlogReset();
        } catch (RuntimeException refused) {
            // A server that refuses CONFIG (a managed one) simply has no slow log summary.
        }
    }

    /**
     * "slow log: n commands over 500 µs (max …), by command: …", and when {@code everything} was logged "; server
     * time by command: evalsha 1234abcd (5 keys) n× mean …, p99 …", read since {@link #start}.
     */
    static String summary(UnifiedJedis client, boolean everything) {
        try {
            List<?> entries = (List<?>) client.sendCommand(Protocol.Command.SLOWLOG, "GET", Integer.toString(MAX_LEN));
            Map<String, Integer> slow = new TreeMap<>();
            Map<String, Samples> all = new TreeMap<>();
            long max = 0;
            for (Object entry : entries) {
                List<?> fields = (List<?>) entry;
                long micros = (Long) fields.get(2);
                List<?> args = (List<?>) fields.get(3);
                String command = text(args.get(0)).toLowerCase();
                if (command.equals("slowlog") || command.equals("config") || command.equals("info")) {
                    continue;
                }
                if (command.equals("evalsha") && args.size() > 2) {
                    command += " " + text(args.get(1)).substring(0, 8) + " (" + text(args.get(2)) + " keys)";
                }
                all.computeIfAbsent(command, c -> new Samples()).add(micros * 1_000);
                if (micros > THRESHOLD_MICROS) {
                    max = Math.max(max, micros);
                    slow.merge(command, 1, Integer::sum);
                }
            }
            StringBuilder byCommand = new StringBuilder();
            all.forEach((command, samples) -> byCommand.append(byCommand.isEmpty() ? "" : "; ")
                    .append(String.format("%s %d× mean %.0f µs, p99 %s", command, samples.size(), samples.mean() / 1e3,
                            Samples.micros(samples.percentile(99)))));
            String slowOnes = String.format("slow log: %d commands over %d µs of server time (max %s)%s",
                    slow.values().stream().mapToInt(Integer::intValue).sum(), THRESHOLD_MICROS,
                    Samples.micros(max * 1_000), slow.isEmpty() ? "" : ", " + slow);
            return !everything ? slowOnes : String.format("%s; server time by command (SLOWLOG at 0 µs%s): %s", slowOnes,
                    entries.size() >= MAX_LEN ? ", the last " + MAX_LEN + " only" : "", byCommand);
        } catch (RuntimeException refused) {
            return "slow log not readable (" + refused.getMessage() + ")";
        }
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
    }
}
