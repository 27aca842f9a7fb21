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
        String result = Acknowledgements.REFUSED;
        SlackEarlyAck[] early = new SlackEarlyAck[1];
        try {
            result = post(request, response, early);
        } finally {
            long answered = early[0] == null ? System.nanoTime()
                    : early[0].answeredEarlyAt().orElseGet(System::nanoTime);
            acknowledgements.record(Platform.SLACK, result, started, answered);
        }
    }

    /** Answers a POST; says whether it was handled (or refused before Bolt saw it). */
    private String post(HttpServletRequest request, HttpServletResponse response, SlackEarlyAck[] early)
            throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            count("too_large");
            error(response, 413, "request too large");
            return Acknowledgements.REFUSED;
        }
        if (!verifier.verify(request.getHeader("X-Slack-Request-Timestamp"), request.getHeader("X-Slack-Signature"),
                body)) {
            count("invalid_signature");
            error(response, 401, "invalid signature");
            return Acknowledgements.REFUSED;
        }
        return handle(request, response, new String(body, StandardCharsets.UTF_8), early);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response, "", new SlackEarlyAck[1]);
    }

    /**
     * Runs Bolt on the request. A slash command runs on this thread inside an early ack ({@link SlackEarlyAck}): if it
     * is still running after the ack wait, a timer has answered the request already and Bolt's response is dropped.
     */
    private String handle(HttpServletRequest request, HttpServletResponse response, String body,
                          SlackEarlyAck[] early) throws IOException {
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
            return Acknowledgements.REFUSED;
        }
        Response slackResponse;
        Request<?> parsed = slackRequest;
        try {
            if (parsed.getRequestType() == RequestType.Command) {
                early[0] = SlackEarlyAck.open(response);
                slackResponse = early[0].during(() -> app.run(parsed));
            } else {
                slackResponse = app.run(parsed);
            }
        } catch (Exception e) {
            if (early[0] != null && !early[0].claim()) {
                log.error("Bolt failed on a slash command after its acknowledgement", e);
                count("failed");
                return Acknowledgements.HANDLED;
            }
            log.error("Bolt failed on a {} request", slackRequest.getRequestType(), e);
            count("failed");
            error(response, 500, "something went wrong");
            return Acknowledgements.HANDLED;
        }
        count("handled");
        if (early[0] != null && !early[0].claim()) {
            return Acknowledgements.HANDLED; // acknowledged already ("Working on it…"); the answer follows
        }
        if (slackResponse.getStatusCode() == 500 && slackResponse.getBody() != null
                && slackResponse.getBody().contains("Exception")) {
            error(response, 500, "something went wrong");
            return Acknowledgements.HANDLED;
        }
        ServletAdapterOps.writeResponse(response, slackResponse);
        return Acknowledgements.HANDLED;
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
