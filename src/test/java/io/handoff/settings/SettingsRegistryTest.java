package io.handoff.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.handoff.delivery.DeliverySettings;
import io.handoff.friction.FrictionSettings;
import io.handoff.graph.Refusal;
import io.handoff.graph.TenantId;
import io.handoff.testing.AllSettings;
import io.handoff.testing.TestRedis;

/** The registry: unique names, bounds, rules between settings, defaults, chat changes and the API's JSON. */
class SettingsRegistryTest {
    private static final Setting<Integer> CUPS = Setting.integer("cups", 2, "cups of tea")
            .must(n -> n >= 1, "must be at least 1");
    private static final Setting<Integer> MUGS = Setting.integer("mugs", 3, "mugs on the shelf");
    private final SettingsRegistry registry = AllSettings.registry();

    @Test
    void twoSettingsWithOneNameStopTheStart() {
        SettingGroup tea = SettingGroup.of("tea", CUPS);
        SettingGroup otherTea = SettingGroup.of("kitchen", Setting.integer("cups", 1, "other cups"));

        assertThatThrownBy(() -> SettingsRegistry.of(tea, otherTea)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two settings are called 'cups'");
        assertThatThrownBy(() -> SettingsRegistry.of(SettingGroup.of("friction", Setting.onOff("min-respondents",
                true, "a clash")), FrictionSettings.SETTINGS)).hasMessageContaining("'min-respondents'");
        assertThatThrownBy(() -> SettingsRegistry.of(tea.withShortcuts(new SettingShortcut("cups", "clash", "1",
                List.of(CUPS), (s, text) -> s, s -> "")))).hasMessageContaining("two settings are called 'cups'");
    }

    @Test
    void rulesAndShortcutsMayOnlyUseRegisteredSettings() {
        SettingGroup tea = SettingGroup.of("tea", CUPS).withRules(SettingRule.of(s -> Optional.empty(), MUGS));

        assertThatThrownBy(() -> SettingsRegistry.of(tea)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unregistered setting mugs");
    }

    @Test
    void aSettingsNameIsKebabCaseItsJsonNameCamelCaseAndItsDefaultValid() {
        assertThat(FrictionSettings.MIN_COMMENT_RESPONDENTS.jsonName()).isEqualTo("minCommentRespondents");
        assertThatThrownBy(() -> Setting.integer("Cups", 1, "x")).hasMessageContaining("kebab-case");
        assertThatThrownBy(() -> Setting.integer("cups", 0, "x").must(n -> n > 0, "must be positive"))
                .hasMessageContaining("the default of cups is not valid");
    }

    @Test
    void defaultsAreValidAndEveryBoundIsNamedInTheProblem() {
        assertThat(registry.problems(TenantSettings.defaults())).isEmpty();
        assertThat(registry.problems(TenantSettings.defaults().with(DeliverySettings.WEEKLY_CAP, 51)))
                .containsExactly("weeklyCap must be between 0 (no nudges) and 50");
        assertThat(registry.problems(TenantSettings.defaults().with(DeliverySettings.WEEKLY_CAP, 50))).isEmpty();
        assertThat(registry.problems(TenantSettings.defaults().with(FrictionSettings.MIN_RESPONDENTS, 1)))
                .containsExactly("minRespondents must be at least 2 so no single person's answer can be singled out");
        assertThatThrownBy(() -> registry.validated(TenantSettings.defaults().with(FrictionSettings.POLL_EVERY,
                Period.ofDays(-7)))).isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("frictionPollEvery must be a positive period");
    }

    @Test
    void rulesBetweenSettingsAreChecked() {
        TenantSettings fewerComments = TenantSettings.defaults().with(FrictionSettings.MIN_RESPONDENTS, 6);
        TenantSettings lateStart = TenantSettings.defaults().with(DeliverySettings.WORKDAY_START, LocalTime.of(18, 0));
        TenantSettings toMidnight = lateStart.with(DeliverySettings.WORKDAY_END, LocalTime.MIDNIGHT);

        assertThat(registry.problems(fewerComments))
                .containsExactly("minCommentRespondents (5) must be at least minRespondents (6)");
        assertThat(registry.problems(lateStart)).containsExactly(
                "workdayStart (18:00) must be before workdayEnd (17:00); use 00:00 as workdayEnd for midnight");
        assertThat(registry.problems(toMidnight)).as("00:00 is midnight").isEmpty();
    }

    @Test
    void chatChangesGoThroughTheTypeAndTheShortcut() {
        TenantSettings hours = registry.change(TenantSettings.defaults(), "working-hours", "8:30 to 16:00");

        assertThat(hours.get(DeliverySettings.WORKDAY_START)).isEqualTo(LocalTime.of(8, 30));
        assertThat(hours.get(DeliverySettings.WORKDAY_END)).isEqualTo(LocalTime.of(16, 0));
        assertThat(registry.change(hours, "WORKING-DAYS", "tue-thu").get(DeliverySettings.WORKING_DAYS))
                .containsExactly(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
        assertThat(registry.change(hours, "digest-channel", "none").get(FrictionSettings.DIGEST_CHANNEL)).isNull();
        assertThatThrownBy(() -> registry.change(hours, "working-hours", "all day")).isExactlyInstanceOf(Refusal.class)
                .hasMessage("'all day' is not a value for working-hours. Try for example: settings working-hours "
                        + "09:00-17:00");
        assertThatThrownBy(() -> registry.change(hours, "teapot", "1")).isExactlyInstanceOf(Refusal.class)
                .hasMessageContaining("The settings are: ").hasMessageContaining("weekly-cap");
    }

    @Test
    void theApiJsonReadsAndWritesEverySettingAndNamesEachWrongField() {
        Map<String, Object> json = registry.toJson(TenantSettings.defaults());
        assertThat(json.keySet()).containsExactlyInAnyOrderElementsOf(
                registry.settings().stream().map(Setting::jsonName).toList());
        assertThat(json).containsEntry("workdayStart", "09:00:00").containsEntry("frictionPollEvery", "P14D")
                .containsEntry("workingDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"))
                .containsEntry("digestChannel", null).containsEntry("managerReportDigest", false);
        assertThat(registry.fromJson(json)).isEqualTo(TenantSettings.defaults());

        Map<String, Object> wrong = new LinkedHashMap<>();
        wrong.put("weeklyCap", "three");
        wrong.put("workingDays", List.of("FUNDAY"));
        wrong.put("staleAfter", null);
        assertThatThrownBy(() -> registry.fromJson(wrong)).isInstanceOf(InvalidSettingsException.class)
                .satisfies(e -> assertThat(((InvalidSettingsException) e).problems()).containsExactly(
                        "weeklyCap has the wrong form: use a whole number such as 3",
                        "workingDays has the wrong form: use days like MONDAY, TUESDAY"));
        assertThatThrownBy(() -> registry.fromJson(Map.of("weeklyCapp", 2))).isExactlyInstanceOf(Refusal.class)
                .hasMessageContaining("unknown setting 'weeklyCapp'");
    }

    @Test
    void everySettingRoundTripsThroughRedisAndUnreadableFieldsFallBackToTheirDefaults() {
        TenantId tenant = TestRedis.uniqueTenant();
        TenantSettingsStore store = AllSettings.store(TestRedis.client());
        TenantSettings changed = registry.change(registry.change(TenantSettings.defaults(), "stale-after", "3 months"),
                "digest-channel", "C042");

        assertThat(store.save(tenant, changed)).isEqualTo(changed);
        assertThat(store.settings(tenant)).isEqualTo(changed);
        assertThat(TestRedis.client().hgetAll(TenantSettingsStore.key(tenant)))
                .containsOnlyKeys(registry.settings().stream().map(Setting::name).toList())
                .containsEntry("stale-after", "P3M").containsEntry("working-days", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY");
        TestRedis.client().hset(TenantSettingsStore.key(tenant), Map.of("workday-start", "nine", "working-days",
                "MONDAY,FUNDAY", "stale-after", "P2M"));
        TenantSettings read = store.settings(tenant);
        assertThat(read.get(DeliverySettings.WORKDAY_START)).isEqualTo(LocalTime.of(9, 0));
        assertThat(read.get(DeliverySettings.WORKING_DAYS)).hasSize(5);
        assertThat(read.get(io.handoff.empathy.EmpathySettings.STALE_AFTER)).isEqualTo(Period.ofMonths(2));
    }
}
