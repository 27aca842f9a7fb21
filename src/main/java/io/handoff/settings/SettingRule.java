package io.handoff.settings;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A rule across settings (e.g. minCommentRespondents at least minRespondents), declared in the {@link SettingGroup}
 * of the module that owns them. The check answers the problem in words an admin can act on, or empty.
 *
 * @param settings the settings the rule reads (they must be registered)
 */
public record SettingRule(List<Setting<?>> settings, Function<TenantSettings, Optional<String>> check) {

    public SettingRule {
        settings = List.copyOf(settings);
        Objects.requireNonNull(check, "check");
    }

    public static SettingRule of(Function<TenantSettings, Optional<String>> check, Setting<?>... settings) {
        return new SettingRule(List.of(settings), check);
    }
}
