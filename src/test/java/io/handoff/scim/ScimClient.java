package io.handoff.scim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Real HTTP to the test server's SCIM endpoints and the admin API, with request bodies from src/test/resources/scim. */
public final class ScimClient {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final String tenant;
    private String token;

    public ScimClient(int port, String tenant, String token) {
        this.port = port;
        this.tenant = tenant;
        this.token = token;
    }

    /** Issues (or rotates) the tenant's SCIM token through the admin API and uses it from now on. */
    public static String issueToken(int port, String tenant, String adminToken) {
        Response response = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tenants/"
                + tenant + "/scim-token")).header("Authorization", "Bearer " + adminToken)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        if (response.status() != 201) {
            throw new IllegalStateException("token not issued: " + response.status() + " " + response.body());
        }
        return response.json().get("token").asString();
    }

    public ScimClient withToken(String newToken) {
        return new ScimClient(port, tenant, newToken);
    }

    public Response get(String path) {
        return send(request(path).GET().build());
    }

    public Response filter(String resource, String filter, String more) {
        return get("/" + resource + "?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20")
                + (more == null ? "" : "&" + more));
    }

    public Response post(String path, String body) {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Response put(String path, String body) {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Response patch(String path, String body) {
        return send(request(path).method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Response delete(String path) {
        return send(request(path).DELETE().build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/scim/v2/" + tenant
                + path)).header("Content-Type", "application/scim+json");
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    /** A request body from src/test/resources/scim/{file}, with its ${…} placeholders filled in. */
    public static String body(String file, Map<String, String> values) {
        try (InputStream in = ScimClient.class.getResourceAsStream("/scim/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no request body " + file);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace("${" + value.getKey() + "}", value.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("WWW-Authenticate").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, body, content type and the WWW-Authenticate challenge. */
    public record Response(int status, String body, String contentType, String challenge) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
