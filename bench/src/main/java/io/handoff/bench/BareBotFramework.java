package io.handoff.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.Authenticator;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;

/**
 * The bare Bot Framework bot: one servlet at {@code /api/messages} on the SDK Handoff uses (botbuilder 4.14.3),
 * whose adapter validates every token as Handoff's does (the same {@code BotFrameworkAdapter} constructor, the same
 * JVM-wide OpenID metadata URL) and whose one handler replies "ok" through the connector. Its outgoing token comes
 * once from the stub's token endpoint, as Handoff's client-credentials token does.
 */
final class BareBotFramework extends HttpServlet {
    private final transient BotFrameworkAdapter adapter;

    BareBotFramework(String appId, String tokenUrl) {
        this.adapter = new BotFrameworkAdapter(new FetchedOnce(appId, tokenUrl), new AuthenticationConfiguration(),
                null, null, null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readAllBytes();
        }
        Activity activity = Serialization.treeToValue(Serialization.jsonToTree(new String(body, StandardCharsets.UTF_8)),
                Activity.class);
        try {
            adapter.processActivity(request.getHeader("Authorization"), activity,
                    turn -> turn.sendActivity("ok").thenApply(sent -> null)).join();
            response.setStatus(200);
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            response.setStatus(cause instanceof AuthenticationException
                    || cause != null && cause.getCause() instanceof AuthenticationException ? 401 : 500);
        }
    }

    /** Client credentials fetched once from the token endpoint and kept. */
    private static final class FetchedOnce extends AppCredentials {
        private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
        private final String tokenUrl;
        private volatile String token;

        FetchedOnce(String appId, String tokenUrl) {
            super(null, "https://api.botframework.com/.default");
            setAppId(appId);
            this.tokenUrl = tokenUrl;
        }

        @Override
        public CompletableFuture<String> getToken() {
            if (token == null) {
                try {
                    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                    URI.create(tokenUrl)).POST(HttpRequest.BodyPublishers.ofString(
                                    "grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
                    Matcher matcher = ACCESS_TOKEN.matcher(answer.body());
                    if (!matcher.find()) {
                        return CompletableFuture.failedFuture(new AuthenticationException("no token"));
                    }
                    token = matcher.group(1);
                } catch (IOException e) {
                    return CompletableFuture.failedFuture(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return CompletableFuture.failedFuture(e);
                }
            }
            return CompletableFuture.completedFuture(token);
        }

        @Override
        protected Authenticator buildAuthenticator() {
            throw new UnsupportedOperationException("tokens come from getToken()");
        }
    }
}
