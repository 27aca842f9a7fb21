package io.handoff.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.core.env.Environment;

import io.handoff.chat.Message;
import io.handoff.chat.port.PlatformSender;
import io.handoff.chat.port.SendFailure;
import io.handoff.graph.Person;
import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;

/**
 * A Teams-like platform for the multi-replica tests: each message is POSTed to {@code handoff.test.platform-url}
 * (WireMock in the test JVM) with the replica's name ({@code handoff.test.replica}) and the message summary as
 * headers, so the test sees which replica sent what and how often. Deliberately not a {@code @Component}: an app
 * started by {@code ReplicasTest} adds it with {@code --spring.main.sources=io.handoff.testing.ReplicaPlatformSender};
 * no other test context picks it up.
 */
public final class ReplicaPlatformSender implements PlatformSender {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI endpoint;
    private final String replica;

    public ReplicaPlatformSender(Environment environment) {
        this.endpoint = URI.create(environment.getRequiredProperty("handoff.test.platform-url"));
        this.replica = environment.getRequiredProperty("handoff.test.replica");
    }

    @Override
    public Platform platform() {
        return Platform.TEAMS;
    }

    @Override
    public boolean canReach(TenantId tenant, Person recipient) {
        return true;
    }

    @Override
    public void send(TenantId tenant, Person recipient, Message message) {
        HttpResponse<String> response;
        try {
            response = HTTP.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                    .header("X-Replica", replica).header("X-Message", message.summary())
                    .POST(HttpRequest.BodyPublishers.ofString(recipient.id().value())).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw SendFailure.transientFailure("platform unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SendFailure.transientFailure("interrupted", e);
        }
        if (response.statusCode() >= 500) {
            throw SendFailure.transientFailure("platform answered " + response.statusCode(), null);
        }
        if (response.statusCode() >= 400) {
            throw SendFailure.permanentFailure("platform refused with " + response.statusCode());
        }
    }
}
