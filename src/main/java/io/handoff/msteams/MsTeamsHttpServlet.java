package io.handoff.msteams;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.ServerHttpObservationFilter;

import com.auth0.jwt.exceptions.JWTVerificationException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.BotCallbackHandler;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Serialization;
import io.handoff.chat.Acknowledgements;
import io.handoff.graph.Platform;

/**
 * The Bot Framework messaging endpoint, {@code POST /api/messages}, a servlet of its own (registered in
 * {@link MsTeamsConfiguration}) as Slack's is: Spring MVC's dispatch around a controller method (handler lookup,
 * argument resolution, invocation by reflection) was about a seventh of the request thread's CPU in an
 * acknowledgement (issue 20, JFR), and nothing here needs it. Reads the raw body, parses it with the SDK's own
 * (Jackson 2) serialization, lets {@link MsTeamsRequestGate} refuse what the SDK should never see (other channels
 * 403, a serviceUrl that is not https 400, a token that does not claim the Bot Framework as issuer 401, another
 * organisation's tenant 403), then lets the adapter authenticate the request and run the bot. An authenticated
 * activity that cannot be attributed to a tenant is acknowledged without running the bot. Answers 200 (with the
 * invoke response, if any; every invoke gets a 200), 401 for a missing or invalid token, 400 for a body that is no
 * activity, and never a stack trace. Every refusal is logged at WARN with the client's address. Counts requests by
 * status in {@code handoff.teams.requests}.
 */
final class MsTeamsHttpServlet extends HttpServlet {
    /** Where the Bot Framework posts activities (the bot's messaging endpoint). */
    static final String PATH = "/api/messages";
    private static final Logger log = LoggerFactory.getLogger(MsTeamsHttpServlet.class);
    private static final int MAX_BODY = 256 * 1024;

    private final transient MsTeamsAdapter adapter;
    private final transient MsTeamsBot bot;
    private final transient MsTeamsRequestGate gate;
    private final transient MeterRegistry meters;
    private final transient Acknowledgements acknowledgements;
    /** handoff.teams.requests by status, looked up once each (not on every request). */
    private final transient Map<Integer, Counter> counters = new ConcurrentHashMap<>();

    MsTeamsHttpServlet(MsTeamsAdapter adapter, MsTeamsBot bot, MsTeamsRequestGate gate, MeterRegistry meters,
                       Acknowledgements acknowledgements) {
        this.adapter = adapter;
        this.bot = bot;
        this.gate = gate;
        this.meters = meters;
        this.acknowledgements = acknowledgements;
    }

    /**
     * Reads the body and writes the answer itself (no message converters, no content negotiation). A body longer than
     * the limit is not read past it. Other methods are 405 (the servlet's default).
     */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse servletResponse) throws IOException {
        long started = System.nanoTime();
        // http.server.requests and the server span name the route, as they would for a controller's mapping
        ServerHttpObservationFilter.findObservationContext(request)
                .ifPresent(context -> context.setPathPattern(PATH));
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        ResponseEntity<String> response = process(body, request.getHeader(HttpHeaders.AUTHORIZATION),
                request.getRemoteAddr());
        counters.computeIfAbsent(response.getStatusCode().value(),
                status -> meters.counter("handoff.teams.requests", "status", Integer.toString(status))).increment();
        acknowledgements.record(Platform.TEAMS, response.getStatusCode().is4xxClientError()
                ? Acknowledgements.REFUSED : Acknowledgements.HANDLED, started);
        write(response, servletResponse);
    }

    /** Status, headers and body (UTF-8, with its length) of an answer. */
    private static void write(ResponseEntity<String> response, HttpServletResponse servletResponse)
            throws IOException {
        servletResponse.setStatus(response.getStatusCode().value());
        response.getHeaders().forEach((name, values) -> values.forEach(value -> servletResponse.addHeader(name, value)));
        byte[] bytes = response.getBody() == null ? new byte[0] : response.getBody().getBytes(StandardCharsets.UTF_8);
        servletResponse.setContentLength(bytes.length);
        if (bytes.length > 0) {
            servletResponse.getOutputStream().write(bytes);
        }
    }

    private ResponseEntity<String> process(byte[] body, String auth, String client) {
        JsonNode json;
        Activity activity;
        try {
            json = tree(body);
            activity = toActivity(json);
        } catch (IllegalArgumentException e) {
            log.warn("Refused a Teams request from {}: {}", client, e.getMessage());
            return problem(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        MsTeamsRequestGate.Verdict verdict = gate.check(json, auth);
        if (verdict instanceof MsTeamsRequestGate.Verdict.Refuse refuse) {
            log.warn("Refused a Teams {} activity from {} with {}: {}", MsTeamsRequestGate.shown(activity.getType()),
                    client, refuse.status().value(), refuse.reason());
            return problem(refuse.status(), refuse.detail());
        }
        // the SDK may run the turn on a thread of its own: it runs in this request's context (its trace) there too
        BotCallbackHandler turn = MsTeamsContext.inCallersContext(
                verdict instanceof MsTeamsRequestGate.Verdict.Unattributable unattributable
                        ? acknowledgeOnly(unattributable.reason()) : bot::onTurn);
        try {
            InvokeResponse response = adapter.processActivity(auth, activity, turn).join();
            if (response == null || (response.getStatus() == HttpStatus.NOT_IMPLEMENTED.value()
                    && activity.isType(ActivityTypes.INVOKE))) {
                // an invoke nobody answered (its turn failed): Teams shows an error for anything but 200
                return ResponseEntity.ok().build();
            }
            String payload = response.getBody() == null ? null : Serialization.toString(response.getBody());
            return ResponseEntity.status(response.getStatus()).contentType(MediaType.APPLICATION_JSON).body(payload);
        } catch (RuntimeException | JsonProcessingException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof AuthenticationException || cause instanceof JWTVerificationException) {
                log.warn("Refused a Bot Framework request from {}: {}", client, cause.getMessage());
                return problem(HttpStatus.UNAUTHORIZED, "the request does not carry a valid Bot Framework token");
            }
            log.error("Could not process a Teams activity", cause);
            return problem(HttpStatus.INTERNAL_SERVER_ERROR, "something went wrong on our side; it has been logged");
        }
    }

    /**
     * The turn of an authenticated activity that cannot be attributed to a tenant: logged, acknowledged (an invoke
     * with an empty 200), never answered with a message.
     */
    private static BotCallbackHandler acknowledgeOnly(String reason) {
        return turn -> {
            Activity activity = turn.getActivity();
            log.warn("Acknowledged a Teams {} activity without handling it: {}",
                    MsTeamsRequestGate.shown(activity.getType()), reason);
            if (activity.isType(ActivityTypes.INVOKE)) {
                Activity response = new Activity(ActivityTypes.INVOKE_RESPONSE);
                response.setValue(new InvokeResponse(HttpStatus.OK.value(), null));
                return turn.sendActivity(response).thenApply(sent -> null);
            }
            return CompletableFuture.completedFuture(null);
        };
    }

    /** The activity in a body, as the SDK reads it; IllegalArgumentException with what is wrong when it is none. */
    static Activity parse(byte[] body) {
        return toActivity(tree(body));
    }

    private static JsonNode tree(byte[] body) {
        if (body == null || body.length == 0) {
            throw new IllegalArgumentException("the body must be a Bot Framework activity (JSON)");
        }
        if (body.length > MAX_BODY) {
            throw new IllegalArgumentException("the activity is larger than " + MAX_BODY + " bytes");
        }
        JsonNode json;
        try {
            json = Serialization.jsonToTree(new String(body, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the body is not valid JSON");
        }
        if (json == null || !json.isObject() || !json.path("type").isTextual()) {
            throw new IllegalArgumentException("the body must be a JSON activity with a type");
        }
        return json;
    }

    private static Activity toActivity(JsonNode json) {
        Activity activity;
        try {
            activity = Serialization.treeToValue(json, Activity.class);
        } catch (RuntimeException e) {
            activity = null;
        }
        if (activity == null) {
            throw new IllegalArgumentException("the body is not a Bot Framework activity");
        }
        if (activity.getServiceUrl() == null || activity.getServiceUrl().isBlank()) {
            throw new IllegalArgumentException("the activity has no serviceUrl");
        }
        return activity;
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable cause = thrown;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException && cause.getCause() instanceof AuthenticationException nested) {
            return nested;
        }
        return cause;
    }

    private static ResponseEntity<String> problem(HttpStatus status, String detail) {
        String json = "{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                + status.value() + ",\"detail\":" + Serialization.toStringSilent(detail) + "}";
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return builder.body(json);
    }
}
