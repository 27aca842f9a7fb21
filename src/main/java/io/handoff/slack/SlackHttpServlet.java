package io.handoff.slack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.ServerHttpObservationFilter;

import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.ServletAdapterOps;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;

import io.handoff.chat.Acknowledgements;
import io.handoff.graph.Platform;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Bolt over HTTP: {@code POST /slack/events} for events, slash commands and interactivity (one Request URL), and,
 * for many workspaces, {@code GET /slack/install} and {@code GET /slack/oauth_redirect}. The raw body is read here,
 * before anything else can touch it, and its signature checked first: a bad or old signature is 401, a body Bolt
 * cannot parse is 400, and no error ever shows a stack trace.
 */
final class SlackHttpServlet extends HttpServlet {
    private static final Logger log = LoggerFactory.getLogger(SlackHttpServlet.class);
    /** Slack's payloads are a few kilobytes; anything this large is not from Slack. */
    static final int MAX_BODY = 1024 * 1024;

    private final transient App app;
    private final transient SlackRequestParser parser;
    private final transient SlackRequestVerifier verifier;
    private final transient MeterRegistry meters;
    private final transient Acknowledgements acknowledgements;
    /** handoff.slack.requests by result, looked up once each (not on every request). */
    private final transient Map<String, Counter> counters = new ConcurrentHashMap<>();

    SlackHttpServlet(App app, SlackRequestVerifier verifier, MeterRegistry meters, Acknowledgements acknowledgements) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.verifier = verifier;
        this.meters = meters;
        this.acknowledgements = acknowledgements;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long started = System.nanoTime();
        named(request);
        Answer answer = Answer.REFUSED;
        try {
            answer = post(request, response);
        } finally {
            acknowledgements.record(Platform.SLACK, answer.result(), started, answer.answeredAt());
        }
    }

    /** How a request was answered, and the early ack of a slash command (whose time is the acknowledgement's). */
    private record Answer(String result, SlackEarlyAck early) {
        static final Answer REFUSED = new Answer(Acknowledgements.REFUSED, null);

        long answeredAt() {
            return early == null ? System.nanoTime() : early.answeredEarlyAt().orElseGet(System::nanoTime);
        }
    }

    /** Answers a POST; says whether it was handled (or refused before Bolt saw it). */
    private Answer post(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            count("too_large");
            error(response, 413, "request too large");
            return Answer.REFUSED;
        }
        if (!verifier.verify(request.getHeader("X-Slack-Request-Timestamp"), request.getHeader("X-Slack-Signature"),
                body)) {
            count("invalid_signature");
            error(response, 401, "invalid signature");
            return Answer.REFUSED;
        }
        return handle(request, response, new String(body, StandardCharsets.UTF_8));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        named(request);
        handle(request, response, "");
    }

    /**
     * Names the route in {@code http.server.requests} and the server span (a controller's mapping would): the path
     * this servlet is mapped to exactly, one of three. Without it every Slack request was counted under
     * {@code UNKNOWN}.
     */
    private static void named(HttpServletRequest request) {
        ServerHttpObservationFilter.findObservationContext(request)
                .ifPresent(context -> context.setPathPattern(request.getServletPath()));
    }

    /**
     * Runs Bolt on the request. A slash command runs on this thread inside an early ack ({@link SlackEarlyAck}): if it
     * is still running after the ack wait, a timer has answered the request already and Bolt's response is dropped.
     */
    private Answer handle(HttpServletRequest request, HttpServletResponse response, String body) throws IOException {
        Request<?> slackRequest;
        try {
            slackRequest = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(request.getRequestURI())
                    .queryString(QueryStringParser.toMap(request.getQueryString()))
                    .headers(new RequestHeaders(ServletAdapterOps.toHeaderMap(request)))
                    .requestBody(body)
                    .remoteAddress(request.getRemoteAddr())
                    .build());
        } catch (RuntimeException malformed) {
            log.info("Malformed Slack request: {}", malformed.toString());
            slackRequest = null;
        }
        if (slackRequest == null) {
            count("malformed");
            error(response, 400, "malformed request");
            return Answer.REFUSED;
        }
        Request<?> parsed = slackRequest;
        SlackEarlyAck early = parsed.getRequestType() == RequestType.Command ? SlackEarlyAck.open(response) : null;
        Answer handled = new Answer(Acknowledgements.HANDLED, early);
        Response slackResponse;
        try {
            slackResponse = early == null ? app.run(parsed) : early.during(() -> app.run(parsed));
        } catch (Exception e) {
            count("failed");
            if (early != null && !early.claim()) {
                log.error("Bolt failed on a slash command after its acknowledgement", e);
                return handled;
            }
            log.error("Bolt failed on a {} request", parsed.getRequestType(), e);
            error(response, 500, "something went wrong");
            return handled;
        }
        count("handled");
        if (early != null && !early.claim()) {
            return handled; // acknowledged already ("Working on it…"); the answer follows
        }
        if (slackResponse.getStatusCode() == 500 && slackResponse.getBody() != null
                && slackResponse.getBody().contains("Exception")) {
            error(response, 500, "something went wrong");
            return handled;
        }
        ServletAdapterOps.writeResponse(response, slackResponse);
        return handled;
    }

    private void count(String result) {
        counters.computeIfAbsent(result, r -> meters.counter("handoff.slack.requests", "result", r)).increment();
    }

    private static void error(HttpServletResponse response, int status, String error) throws IOException {
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        response.setContentType("application/json");
        response.getWriter().write("{\"error\":\"" + error + "\"}");
    }
}
