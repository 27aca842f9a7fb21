package io.handoff.slack;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Slack beans exist only when Slack is configured ({@link SlackProperties#enabled()}); Handoff starts without. */
final class SlackEnabled implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return Binder.get(context.getEnvironment()).bind("handoff.slack", SlackProperties.class)
                .map(SlackProperties::enabled).orElse(false);
    }
}
