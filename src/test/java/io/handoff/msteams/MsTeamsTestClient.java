package io.handoff.msteams;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/** Posts activities to the running app's /api/messages as the Bot Framework would, and reads the cards sent back. */
final class MsTeamsTestClient {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BotFrameworkFake fake;
    private final int port;

    MsTeamsTestClient(BotFrameworkFake fake, int port) {
        this.fake = fake;
        this.port = port;
    }

    /** Posts with a valid channel token. */
    HttpResponse<String> post(JsonNode activity) {
        return post(activity.toString(), fake.token(activity.path("serviceUrl").asString()));
    }

    HttpResponse<String> post(String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/messages"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The last card sent to a conversation. */
    JsonNode lastCard(String conversationId) {
        List<JsonNode> sent = fake.sentTo(conversationId);
        if (sent.isEmpty()) {
            throw new AssertionError("nothing was sent to " + conversationId);
        }
        return BotFrameworkFake.card(sent.get(sent.size() - 1));
    }

    /** The data of the first Action.Submit in the card whose action id is {@code action}. */
    static Optional<JsonNode> button(JsonNode card, String action) {
        for (JsonNode element : card.path("body")) {
            for (JsonNode candidate : element.path("actions")) {
                if (action.equals(candidate.path("data").path("action").asString())) {
                    return Optional.of(candidate.path("data"));
                }
            }
        }
        return Optional.empty();
    }

    static JsonNode input(JsonNode card, String id) {
        for (JsonNode element : card.path("body")) {
            if (id.equals(element.path("id").asString())) {
                return element;
            }
        }
        throw new AssertionError("no element " + id + " in " + card);
    }
}
