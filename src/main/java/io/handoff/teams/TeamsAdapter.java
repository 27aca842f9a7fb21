package io.handoff.teams;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.MalformedURLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.restclient.RestClient;
import com.microsoft.bot.restclient.retry.RetryStrategy;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationResourceResponse;

import okhttp3.Response;

/**
 * The Bot Framework adapter of Handoff: validates every incoming token (issuer, audience = our app id, lifetime,
 * signing key from the configured OpenID metadata endorsed for the channel, serviceurl claim), sends with our own
 * client-credentials token, and gives every connector client the {@link ConnectorRetry} for 429 and 412/502/503/504.
 * There is no switch that turns validation off: the app id is always set when this adapter exists.
 */
final class TeamsAdapter extends BotFrameworkAdapter {
    private static final Logger log = LoggerFactory.getLogger(TeamsAdapter.class);
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

    TeamsAdapter(AppCredentials credentials, TeamsProperties properties) {
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

    /** A connector client for calls outside a turn (with our token and {@link ConnectorRetry}). */
    CompletableFuture<ConnectorClient> connector(String serviceUrl) {
        return getOrCreateConnectorClient(serviceUrl, credentials);
    }

    @Override
    protected CompletableFuture<ConnectorClient> getOrCreateConnectorClient(String serviceUrl,
                                                                           AppCredentials credentials) {
        String key = serviceUrl + "|" + (credentials == null ? "" : credentials.getAppId());
        try {
            String baseUrl = new URI(serviceUrl).toURL().toString();
            return CompletableFuture.completedFuture(clients.computeIfAbsent(key, k -> {
                RestClient rest = RestConnectorClient.getDefaultRestClientBuilder(baseUrl,
                                credentials == null ? MicrosoftAppCredentials.empty() : credentials)
                        .withInterceptor(retry).withRetryStrategy(SDK_RETRY_OFF).build();
                return new RestConnectorClient(rest);
            }));
        } catch (URISyntaxException | MalformedURLException | IllegalArgumentException | NullPointerException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("invalid service URL " + serviceUrl));
        }
    }
}
