package io.handoff.slack;

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
 */
@ConfigurationProperties("handoff.slack")
record SlackProperties(String botToken, String signingSecret, String clientId, String clientSecret,
                              String appToken, @DefaultValue("https://slack.com/api/") String apiUrl,
                              @DefaultValue(SlackModalOrigin.DEFAULT_BASE) String responseUrlBase) {

    public SlackProperties {
        apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://slack.com/api/" : apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
        responseUrlBase = responseUrlBase == null || responseUrlBase.isBlank() ? SlackModalOrigin.DEFAULT_BASE
                : responseUrlBase;
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
