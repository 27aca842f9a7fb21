package io.handoff.msteams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;

import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.sun.net.httpserver.HttpServer;
import com.microsoft.bot.restclient.RestException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;

import io.handoff.chat.Action;
import io.handoff.chat.Button;
import io.handoff.chat.Buttons;
import io.handoff.chat.Heading;
import io.handoff.chat.Message;
import io.handoff.chat.Paragraph;

/**
 * The rest of what the first Teams activity after a start paid for (issue 20: 2.9 s at load 12 after the signing keys,
 * the outgoing token and {@link ActivityWarmUp} were done at start; JFR showed the HTTP request path and the connector
 * calls running for the first time), done once when the app is ready and before it reports ready: a GET of the
 * liveness probe on the app's own port over loopback, as a platform's probe would (Tomcat, the firewall and security
 * filters, the DispatcherServlet), and the two connector calls of a first answer, the member lookup and a reply with a
 * card, through a connector client (our token handling, {@code ConnectorRetry}, the SDK's serialisation both ways)
 * against a throwaway server on a loopback port that answers as the connector does. Nothing goes to Microsoft; each
 * step is bounded, and one that fails is logged at debug and skipped.
 */
final class LoopbackWarmUp implements ApplicationListener<ApplicationReadyEvent> {
    private static final Logger log = LoggerFactory.getLogger(LoopbackWarmUp.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final String MEMBER = """
            {"id":"29:warm-up","name":"Warm up","aadObjectId":"00000000-0000-0000-0000-000000000000",
             "email":"warm-up@handoff.invalid","userPrincipalName":"warm-up@handoff.invalid","tenantId":"warm-up"}""";
    private static final String SENT = "{\"id\":\"warm-up\"}";

    private final MsTeamsAdapter adapter;
    private volatile Result result;

    LoopbackWarmUp(MsTeamsAdapter adapter) {
        this.adapter = adapter;
    }

    /**
     * What the warm-up got (HTTP statuses, 0 for none): the app's liveness probe, the member lookup and the reply as
     * the connector client saw them, and how many requests the throwaway connector answered.
     */
    record Result(int probe, int member, int reply, int connectorRequests) {
    }

    /** What the last warm-up got, or null before one ran. */
    Result result() {
        return result;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null
                || web.getWebServer().getPort() <= 0) {
            return;
        }
        long start = System.nanoTime();
        String base = "http://127.0.0.1:" + web.getWebServer().getPort() + "/";
        int[] statuses = new int[4];
        step("the HTTP request path", () -> statuses[0] = probe(base));
        step("the connector calls", () -> connector(statuses));
        result = new Result(statuses[0], statuses[1], statuses[2], statuses[3]);
        log.debug("Teams loopback warm-up done in {} ms", Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    private static void step(String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            log.debug("Could not warm up {} over loopback: {}", what, e.toString());
        }
    }

    private static int probe(String base) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + "actuator/health/liveness")).timeout(TIMEOUT)
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The member lookup and a reply with a card, made through a connector client against a throwaway HTTP server on a
     * loopback port that answers as the connector does (the member, the sent activity's id): the whole round trip of
     * both calls, and nothing leaves the machine.
     */
    private void connector(int[] statuses) {
        HttpServer sink;
        try {
            sink = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicInteger answered = new AtomicInteger();
        sink.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("GET".equals(exchange.getRequestMethod()) ? MEMBER : SENT).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
            answered.incrementAndGet();
        });
        sink.start();
        try {
            String base = "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                    + sink.getAddress().getPort() + "/warm-up/";
            RestConnectorClient client = adapter.newConnector(base, adapter.credentials());
            statuses[1] = client.getConversations().getConversationMember("29:warm-up", "a:warm-up")
                    .handle((member, failure) -> status(failure)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Activity reply = MsTeamsMessages.message(new Message("Handoff", List.of(new Heading("What I can do"),
                    Paragraph.builder().strong("Handoff").plain(" warms up.").build(),
                    Buttons.of(Button.primary("Map my customers", new Action("warm-up.start", ""))))));
            reply.setConversation(new ConversationAccount("a:warm-up"));
            reply.setFrom(new ChannelAccount("28:warm-up"));
            reply.setRecipient(new ChannelAccount("29:warm-up"));
            reply.setReplyToId("warm-up");
            statuses[2] = client.getConversations().replyToActivity("a:warm-up", "warm-up", reply)
                    .handle((sent, failure) -> status(failure)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            sink.stop(0);
            statuses[3] = answered.get();
        }
    }

    /** The status of a connector call's answer: 200 when it succeeded, the error's status, 0 when there was none. */
    private static int status(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause == null) {
            return 200;
        }
        return cause instanceof RestException rest && rest.response() != null ? rest.response().code() : 0;
    }
}
