package io.handoff.msteams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.MalformedURLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.restclient.RestClient;
import com.microsoft.bot.restclient.retry.RetryStrategy;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationResourceResponse;
import com.microsoft.bot.schema.ErrorResponse;
import com.microsoft.bot.schema.PagedMembersResult;
import com.microsoft.bot.schema.ResourceResponse;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.teams.TeamsPagedMembersResult;
import com.microsoft.bot.connector.rest.ErrorResponseException;

import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The Bot Framework adapter of Handoff: validates every incoming token (issuer, audience = our app id, lifetime,
 * signing key from the configured OpenID metadata endorsed for the channel, serviceurl claim), sends with our own
 * client-credentials token, and gives every connector client the {@link ConnectorRetry} for 429 and 412/502/503/504.
 * There is no switch that turns validation off: the app id is always set when this adapter exists.
 */
final class MsTeamsAdapter extends BotFrameworkAdapter {
    private static final Logger log = LoggerFactory.getLogger(MsTeamsAdapter.class);
    /** The SDK's own retry repeats 5xx at once; {@link ConnectorRetry} replaces it. */
    private static final RetryStrategy SDK_RETRY_OFF = new RetryStrategy("off", false) {
        @Override
        public boolean shouldRetry(int retryCount, Response response) {
            return false;
        }
    };

    private final Map<String, ConnectorClient> clients = new ConcurrentHashMap<>();
    private final ConnectorRetry retry;
    private final AppCredentials credentials;

    MsTeamsAdapter(AppCredentials credentials, MsTeamsProperties properties) {
        super(credentials, new AuthenticationConfiguration(), null, null, null);
        this.credentials = credentials;
        if (credentials.getAppId() == null || credentials.getAppId().isBlank()) {
            throw new IllegalArgumentException("the Teams adapter needs the bot's app id (MICROSOFT_APP_ID)");
        }
        // JVM-wide in the SDK: where the keys that sign the channel's tokens are published.
        ChannelValidation.setOpenIdMetaDataUrl(properties.openIdMetadataUrl());
        this.retry = new ConnectorRetry(properties.retry());
        setOnTurnError((turn, error) -> {
            log.error("A Teams turn failed ({} activity)", turn.getActivity().getType(), error);
            return turn.sendActivity("Sorry, something went wrong on our side; it has been logged. Please try again.")
                    .handle((sent, failed) -> null);
        });
    }

    /** The bot's credentials for outgoing calls (their token is fetched at start by {@link ActivityWarmUp}). */
    AppCredentials credentials() {
        return credentials;
    }

    /**
     * {@code POST {serviceUrl}/v3/conversations} with the bot's own token, through the same connector client (and
     * {@link ConnectorRetry}) as every other call. The SDK's {@code createConversation} wants MSAL credentials, which
     * Handoff does not use.
     */
    CompletableFuture<ConversationResourceResponse> createConversation(String serviceUrl,
                                                                      ConversationParameters parameters) {
        return getOrCreateConnectorClient(serviceUrl, credentials)
                .thenCompose(client -> client.getConversations().createConversation(parameters));
    }

    /** Sends as the SDK does, each Adaptive Card handed to the connector as its JSON text ({@link ConnectorCards}). */
    @Override
    public CompletableFuture<ResourceResponse[]> sendActivities(TurnContext context, List<Activity> activities) {
        return ConnectorCards.whileSending(activities, () -> super.sendActivities(context, activities));
    }

    /** Replaces as the SDK does, each Adaptive Card handed to the connector as its JSON text (ConnectorCards). */
    @Override
    public CompletableFuture<ResourceResponse> updateActivity(TurnContext context, Activity activity) {
        return ConnectorCards.whileSending(List.of(activity), () -> super.updateActivity(context, activity));
    }

    /**
     * One page of a team's roster, {@code GET {serviceUrl}v3/conversations/{team}/pagedmembers?pageSize=&continuationToken=},
     * through the connector client's own HTTP client (our token, {@link ConnectorRetry}). The SDK's
     * {@code getConversationPagedMembers} cannot ask for any page after the first: 4.14.3's retrofit interface puts
     * the continuation token in a URL template that retrofit refuses ("must not have replace block").
     *
     * @throws ErrorResponseException when the connector answers with an error, as the SDK's calls do
     */
    TeamsPagedMembersResult pagedMembers(String serviceUrl, String conversationId, int pageSize, String continuation) {
        RestConnectorClient connector = (RestConnectorClient) connector(serviceUrl).join();
        HttpUrl.Builder url = HttpUrl.get(connector.baseUrl()).newBuilder().addPathSegments("v3/conversations")
                .addPathSegment(conversationId).addPathSegment("pagedmembers")
                .addQueryParameter("pageSize", Integer.toString(pageSize));
        if (continuation != null && !continuation.isBlank()) {
            url.addQueryParameter("continuationToken", continuation);
        }
        Request request = new Request.Builder().url(url.build()).get().build();
        try (Response response = connector.getRestClient().httpClient().newCall(request).execute()) {
            ResponseBody body = response.body();
            String json = body == null ? "" : body.string();
            if (!response.isSuccessful()) {
                ErrorResponse error = null;
                try {
                    error = Serialization.treeToValue(Serialization.jsonToTree(json), ErrorResponse.class);
                } catch (IOException | RuntimeException notAnError) {
                    // no error body: the status says it all
                }
                throw new ErrorResponseException("Status code " + response.code(), retrofit2.Response.error(
                        ResponseBody.create(body == null ? null : body.contentType(), json), response), error);
            }
            PagedMembersResult page = Serialization.treeToValue(Serialization.jsonToTree(json),
                    PagedMembersResult.class);
            return new TeamsPagedMembersResult(page == null ? new PagedMembersResult() : page);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the members of " + conversationId, e);
        }
    }

    /** A connector client for calls outside a turn (with our token and {@link ConnectorRetry}). */
    CompletableFuture<ConnectorClient> connector(String serviceUrl) {
        return getOrCreateConnectorClient(serviceUrl, credentials);
    }

    /** A connector client as every call uses it (our token, {@link ConnectorRetry}), not kept. */
    RestConnectorClient newConnector(String baseUrl, AppCredentials credentials) {
        RestClient rest = RestConnectorClient.getDefaultRestClientBuilder(baseUrl,
                        credentials == null ? MicrosoftAppCredentials.empty() : credentials)
                .withInterceptor(retry).withRetryStrategy(SDK_RETRY_OFF).build();
        return new RestConnectorClient(rest);
    }

    @Override
    protected CompletableFuture<ConnectorClient> getOrCreateConnectorClient(String serviceUrl,
                                                                           AppCredentials credentials) {
        String key = serviceUrl + "|" + (credentials == null ? "" : credentials.getAppId());
        try {
            String baseUrl = new URI(serviceUrl).toURL().toString();
            return CompletableFuture.completedFuture(clients.computeIfAbsent(key, k -> newConnector(baseUrl,
                    credentials)));
        } catch (URISyntaxException | MalformedURLException | IllegalArgumentException | NullPointerException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("invalid service URL " + serviceUrl));
        }
    }
}
