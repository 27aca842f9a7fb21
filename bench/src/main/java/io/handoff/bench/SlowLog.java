package io.handoff.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;

/**
 * The server's slow log over a stretch of a benchmark: which commands took the server longer than
 * {@link #THRESHOLD_MICROS}, so a client-side p99 can be told apart from server-side work (a script copying a long
 * string) and from the client or the machine (GC, a descheduled thread on a busy host).
 */
final class SlowLog {
    static final int THRESHOLD_MICROS = 500;

    private SlowLog() {
    }

    static void start(UnifiedJedis client) {
        try {
            client.configSet("slowlog-log-slower-than", Integer.toString(THRESHOLD_MICROS));
            client.configSet("slowlog-max-len", "1024");
            client.slowlogReset();
        } catch (RuntimeException refused) {
            // A server that refuses CONFIG (a managed one) simply has no slow log summary.
        }
    }

    /** "slow log: n commands over 500 µs (max …), by command: …", read since {@link #start}. */
    static String summary(UnifiedJedis client) {
        try {
            List<?> entries = (List<?>) client.sendCommand(Protocol.Command.SLOWLOG, "GET", "1024");
            Map<String, Integer> byCommand = new TreeMap<>();
            long max = 0;
            for (Object entry : entries) {
                List<?> fields = (List<?>) entry;
                long micros = (Long) fields.get(2);
                max = Math.max(max, micros);
                List<?> args = (List<?>) fields.get(3);
                String command = text(args.get(0));
                if (command.equalsIgnoreCase("evalsha") && args.size() > 2) {
                    command += " " + text(args.get(1)).substring(0, 8) + " (" + text(args.get(2)) + " keys)";
                }
                byCommand.merge(command, 1, Integer::sum);
            }
            return String.format("slow log: %d commands over %d µs of server time (max %s)%s", entries.size(),
                    THRESHOLD_MICROS, Samples.micros(max * 1_000), byCommand.isEmpty() ? "" : ", " + byCommand);
        } catch (RuntimeException refused) {
            return "slow log not readable (" + refused.getMessage() + ")";
        }
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
    }
}
