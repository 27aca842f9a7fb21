package io.handoff.msteams;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.Authenticator;

/**
 * The bot's credentials for outgoing Bot Framework calls: a {@link ClientCredentialsGrant} for
 * {@code scope=https://api.botframework.com/.default} from the configured token endpoint, fetched with one HTTP call
 * and cached until shortly before it expires. It replaces the SDK's MSAL path, which accepts only Microsoft's own
 * https authorities and so cannot be pointed at another endpoint.
 */
final class ClientCredentialsToken extends AppCredentials {
    private final ClientCredentialsGrant grant;

    ClientCredentialsToken(String appId, String clientSecret, URI tokenUrl, HttpClient http, Clock clock) {
        super(null, MsTeamsProperties.SCOPE);
        setAppId(appId);
        this.grant = new ClientCredentialsGrant(appId, clientSecret, tokenUrl, MsTeamsProperties.SCOPE, http, clock);
    }

    @Override
    public CompletableFuture<String> getToken() {
        try {
            return CompletableFuture.completedFuture(grant.token());
        } catch (ClientCredentialsGrant.TokenRefused e) {
            return CompletableFuture.failedFuture(new AuthenticationException(e.getMessage()));
        }
    }

    @Override
    protected Authenticator buildAuthenticator() {
        throw new UnsupportedOperationException("tokens come from getToken()");
    }
}
