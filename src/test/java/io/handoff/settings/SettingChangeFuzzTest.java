package io.handoff.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.handoff.graph.Refusal;
import io.handoff.graph.TenantId;
import io.handoff.testing.AllSettings;
import io.handoff.testing.TestRedis;

/**
 * Fuzzes {@code settings <name> <value>} from chat: a typed value changes the settings or is refused with a plain
 * {@link Refusal} (a hint, never a NumberFormatException or DateTimeParseException), the store's
 * validation refuses with {@link InvalidSettingsException}, and valid settings read back from Redis unchanged.
 */
class SettingChangeFuzzTest {
    private static final SettingsRegistry REGISTRY = AllSettings.registry();
    private static final List<String> NAMES = REGISTRY.names();
    private final TenantSettingsStore store = AllSettings.store(TestRedis.client());
    private final TenantId tenant = TestRedis.uniqueTenant();

    @FuzzTest(maxExecutions = 5_000)
    void changesOrRefuses(FuzzedDataProvider data) {
        String name = data.consumeBoolean() ? data.pickValue(NAMES) : data.consumeString(30);
        String value = data.consumeRemainingAsString();
        TenantSettings changed;
        try {
            changed = REGISTRY.change(TenantSettings.defaults(), name, value);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getClass()).as("refusal of %s=%s", name, value).isEqualTo(Refusal.class);
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        TenantSettings valid;
        try {
            valid = REGISTRY.validated(changed);
        } catch (InvalidSettingsException invalid) {
            assertThat(invalid.problems()).isNotEmpty();
            return;
        }
        assertThat(store.save(tenant, valid)).isEqualTo(valid);
        assertThat(store.settings(tenant)).isEqualTo(valid);
    }
}
