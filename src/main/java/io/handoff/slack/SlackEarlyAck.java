package io.handoff.slack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.bolt.response.Response;

/**
 * The acknowledgement of one slash command that runs on the request thread ({@link SlackHttpServlet} opens it around
 * Bolt for commands over HTTP): whoever comes first answers the HTTP request, the command with its answer or, once the
 * ack wait is over, a timer with "Working on it…"; the other side then stays silent (the command's answer follows
 * through its response URL). A quick command thus costs no thread hand-off (issue 20: two thread switches per
 * command were most of the gap to a bare Bolt app on a busy machine), and a slow one is still acknowledged in time.
 * The timer writes the whole answer with its length and flushes it, so Slack has it while the command goes on.
 */
final class SlackEarlyAck {
    private static final Logger log = LoggerFactory.getLogger(SlackEarlyAck.class);
    private static final ThreadLocal<SlackEarlyAck> CURRENT = new ThreadLocal<>();
    private static final ScheduledThreadPoolExecutor TIMERS = timers();

    private final HttpServletResponse response;
    private boolean byTimer;
    private boolean byCommand;
    private long answeredAt;
    private ScheduledFuture<?> timer;

    private SlackEarlyAck(HttpServletResponse response) {
        this.response = response;
    }

    /** An early ack for the request that {@code response} answers. */
    static SlackEarlyAck open(HttpServletResponse response) {
        return new SlackEarlyAck(response);
    }

    /** Runs {@code step} (Bolt handling the command) with this ack open on this thread. */
    <T> T during(Step<T> step) throws Exception {
        CURRENT.set(this);
        try {
            return step.run();
        } finally {
            CURRENT.remove();
        }
    }

    /** Bolt's work, which may throw. */
    interface Step<T> {
        T run() throws Exception;
    }

    /** The early ack of the command running on this thread, if it runs inside one (not in Socket Mode). */
    static Optional<SlackEarlyAck> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** After {@code wait}, answers the request with {@code ack} unless the command has answered it by then. */
    synchronized void answerAfter(Duration wait, Supplier<Response> ack) {
        if (!byTimer && !byCommand) {
            timer = TIMERS.schedule(() -> timeUp(ack), Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS);
        }
    }

    /**
     * The request thread's side: true when it answers the request itself (the timer, if any, is cancelled; asking
     * again answers true again), false when the timer's ack went already.
     */
    synchronized boolean claim() {
        if (byTimer) {
            return false;
        }
        byCommand = true;
        if (timer != null) {
            timer.cancel(false);
        }
        return true;
    }

    /** When the timer answered the request ({@link System#nanoTime()}), if it did rather than the command. */
    synchronized Optional<Long> answeredEarlyAt() {
        return byTimer ? Optional.of(answeredAt) : Optional.empty();
    }

    private synchronized void timeUp(Supplier<Response> ack) {
        if (byCommand) {
            return;
        }
        byTimer = true;
        try {
            write(response, ack.get());
        } catch (IOException | RuntimeException e) {
            log.warn("Could not send a slash command's acknowledgement: {}", e.toString());
        }
        answeredAt = System.nanoTime();
    }

    /** Writes a Bolt response whole, with its length, and flushes it: the client has all of it at once. */
    private static void write(HttpServletResponse response, Response answer) throws IOException {
        byte[] body = answer.getBody() == null ? new byte[0] : answer.getBody().getBytes(StandardCharsets.UTF_8);
        response.setStatus(answer.getStatusCode());
        for (Map.Entry<String, List<String>> header : answer.getHeaders().entrySet()) {
            for (String value : header.getValue()) {
                response.addHeader(header.getKey(), value);
            }
        }
        if (answer.getContentType() != null) {
            response.setHeader("Content-Type", answer.getContentType());
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    private static ScheduledThreadPoolExecutor timers() {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "slack-ack-timer");
            thread.setDaemon(true);
            return thread;
        });
        timers.setRemoveOnCancelPolicy(true);
        return timers;
    }
}
