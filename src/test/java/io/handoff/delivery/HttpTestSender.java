package io.handoff.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.handoff.chat.Message;
import io.handoff.chat.port.PlatformSender;
import io.handoff.chat.port.SendFailure;
import io.handoff.graph.Person;
import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;

/**
 * A platform sender that posts each message to an HTTP endpoint (WireMock in tests), the way the Slack and Teams
 * adapters call their platforms: 429 becomes a rate-limit failure with the Retry-After, 4xx permanent, 5xx transient.
 */
final class HttpTestSender implements PlatformSender {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Platform platform;
    private final URI endpoint;

    HttpTestSender(Platform platform, URI endpoint) {
        this.platform = platform;
        this.endpoint = endpoint;
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public boolean canReach(TenantId tenant, Person recipient) {
        return true;
    }

    @Override
    public void send(TenantId tenant, Person recipient, Message message) {
        String body = "{\"to\":\"" + recipient.id() + "\",\"text\":\"" + message.summary() + "\",\"message\":"
                + MessageCodec.toJson(message) + "}";
        HttpResponse<String> response;
        try {
            response = HTTP.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw SendFailure.transientFailure("platform unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SendFailure.transientFailure("interrupted", e);
        }
        int status = response.statusCode();
        if (status == 429) {
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            throw SendFailure.rateLimited(Duration.ofSeconds(seconds));
        }
        if (status >= 500) {
            throw SendFailure.transientFailure("platform answered " + status, null);
        }
        if (status >= 400) {
            throw SendFailure.permanentFailure("platform refused with " + status);
        }
    }
}
