package io.handoff.playground;

import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The playground is on when {@code HANDOFF_PLAYGROUND=true}, or by default when no Slack or Teams credentials are
 * set; {@code HANDOFF_PLAYGROUND=false} turns it off.
 */
final class PlaygroundEnabled implements Condition {
    private static final List<String> CHAT_CREDENTIALS = List.of("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET",
            "SLACK_CLIENT_ID", "SLACK_APP_TOKEN", "MICROSOFT_APP_ID", "MICROSOFT_APP_PASSWORD",
            "handoff.slack.bot-token", "handoff.slack.signing-secret", "handoff.slack.client-id",
            "handoff.slack.app-token", "handoff.teams.app-id");

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return enabled(context.getEnvironment());
    }

    static boolean enabled(Environment environment) {
        String setting = environment.getProperty("handoff.playground.enabled", "auto").strip().toLowerCase(Locale.ROOT);
        return switch (setting) {
            case "true", "on", "yes" -> true;
            case "false", "off", "no" -> false;
            default -> CHAT_CREDENTIALS.stream().allMatch(name -> environment.getProperty(name, "").isBlank());
        };
    }
}
