package io.handoff.slack;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Slack settings, all from the environment (see application.yml).
 *
 * @param botToken      SLACK_BOT_TOKEN: single-workspace install
 * @param signingSecret SLACK_SIGNING_SECRET: verifies every request Slack sends over HTTP
 * @param clientId      SLACK_CLIENT_ID: with the secret, many workspaces install through /slack/install
 * @param clientSecret  SLACK_CLIENT_SECRET
 * @param appToken      SLACK_APP_TOKEN (xapp-…): Socket Mode, no public URL needed
 * @param apiUrl        SLACK_API_URL: Web API base URL, ending with a slash
 * @param responseUrlBase SLACK_RESPONSE_URL_BASE: the only place a response URL carried in a modal may point to
 *                      (Slack's {@code https://hooks.slack.com/}; tests point it at a stub)
 * @param ackWait       SLACK_ACK_WAIT: how long a slash command's ack waits for its answer (default 500 ms); a command
 *                      still running then is acknowledged with "Working on it…" and answered through its response URL
 */
@ConfigurationProperties("handoff.slack")
record SlackProperties(String botToken, String signingSecret, String clientId, String clientSecret,
                              String appToken, @DefaultValue("https://slack.com/api/") String apiUrl,
                              @DefaultValue(SlackModalOrigin.DEFAULT_BASE) String responseUrlBase,
                              @DefaultValue("500ms") Duration ackWait) {
    /** Well inside Slack's 3 seconds, with room for the network and the request's own checks. */
    static final Duration MAX_ACK_WAIT = Duration.ofMillis(2000);

    public SlackProperties {
        apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://slack.com/api/" : apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
        responseUrlBase = responseUrlBase == null || responseUrlBase.isBlank() ? SlackModalOrigin.DEFAULT_BASE
                : responseUrlBase;
        ackWait = ackWait == null || ackWait.isNegative() ? Duration.ofMillis(500)
                : ackWait.compareTo(MAX_ACK_WAIT) > 0 ? MAX_ACK_WAIT : ackWait;
    }

    /** Slack is on when Slack can reach us: over HTTP (signing secret) or over Socket Mode (app token). */
    public boolean enabled() {
        return present(signingSecret) || present(appToken);
    }

    public boolean oauth() {
        return present(clientId) && present(clientSecret);
    }

    public boolean socketMode() {
        return present(appToken);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
