package io.handoff.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * What the playground page's script sends with every POST: the CSRF token the server set as the {@code XSRF-TOKEN}
 * cookie on the page, back in that cookie and in the {@code X-XSRF-TOKEN} header.
 */
public record PlaygroundCsrf(String token) {
    public static final String COOKIE = "XSRF-TOKEN";
    public static final String HEADER = "X-XSRF-TOKEN";

    /** Loads the playground page from {@code base} (e.g. http://127.0.0.1:8080) and takes its token. */
    public static PlaygroundCsrf fromPage(HttpClient http, String base) throws IOException, InterruptedException {
        HttpResponse<Void> page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        return new PlaygroundCsrf(tokenIn(page).orElseThrow(
                () -> new IllegalStateException("the playground page set no " + COOKIE + " cookie")));
    }

    /** The token in a response's {@code Set-Cookie: XSRF-TOKEN=…}, if it sets one. */
    public static java.util.Optional<String> tokenIn(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith(COOKIE + "="))
                .map(cookie -> cookie.substring(COOKIE.length() + 1, cookie.indexOf(';') < 0 ? cookie.length()
                        : cookie.indexOf(';')))
                .filter(value -> !value.isEmpty())
                .findFirst();
    }

    /** Adds the cookie and the header to a request. */
    public HttpRequest.Builder sign(HttpRequest.Builder request) {
        return request.header("Cookie", COOKIE + "=" + token).header(HEADER, token);
    }
}
