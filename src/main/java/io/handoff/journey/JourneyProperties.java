package io.handoff.journey;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of customer journeys (environment variables in application.yml). The blueprint depth is one value for
 * every tenant until it becomes a tenant setting.
 *
 * @param blueprintDepth  how many handoffs upstream of a touchpoint's front line the blueprint and line of sight
 *                        walk (HANDOFF_JOURNEYS_BLUEPRINT_DEPTH, 1 to 8)
 * @param maxSignalBytes  the largest customer-signal import body accepted (larger: 413)
 * @param backstageLimit  the most backstage handoffs a blueprint lists behind one touchpoint, the most critical of
 *                        each level first (HANDOFF_JOURNEYS_BACKSTAGE_LIMIT, 1 to 500)
 */
@ConfigurationProperties("handoff.journeys")
public record JourneyProperties(@DefaultValue("4") int blueprintDepth,
                                @DefaultValue("2000000") long maxSignalBytes,
                                @DefaultValue("30") int backstageLimit) {
    public JourneyProperties {
        Blueprints.requireDepth(blueprintDepth);
        if (maxSignalBytes < 1000 || maxSignalBytes > 100_000_000L) {
            throw new IllegalArgumentException("handoff.journeys.max-signal-bytes must be between 1000 and 100000000");
        }
        if (backstageLimit < 1 || backstageLimit > 500) {
            throw new IllegalArgumentException("handoff.journeys.backstage-limit must be between 1 and 500");
        }
    }
}
