package io.handoff.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.settings.TenantSettings;
import io.handoff.settings.TenantSettingsStore;

/** my-data's section saying how long the tenant keeps each kind of data (its retention settings); stores nothing. */
public final class RetentionPersonalData implements PersonalData {
    static final String TITLE = "How long Handoff keeps your data";
    private static final String UNTIL_FORGET = "until you type forget-me";

    private final TenantSettingsStore settings;
    private final List<ExpiringData> kinds;

    public RetentionPersonalData(TenantSettingsStore settings, List<ExpiringData> kinds) {
        this.settings = Objects.requireNonNull(settings);
        this.kinds = List.copyOf(kinds);
    }

    @Override
    public List<DataSection> describe(TenantId tenant, PersonId person) {
        TenantSettings tenantSettings = settings.settings(tenant);
        List<String> lines = new ArrayList<>();
        Map<String, Object> data = new LinkedHashMap<>();
        for (ExpiringData kind : kinds) {
            java.time.Period kept = tenantSettings.get(kind.keptFor());
            String words = RetentionSettings.words(kept, kind.keptFor() == RetentionSettings.DECISION_LOG
                    ? "the latest 500 decisions" : UNTIL_FORGET);
            lines.add(capital(kind.kind()) + ": " + words);
            data.put(kind.kind(), kept.toString());
        }
        java.time.Period deprovisioned = tenantSettings.get(RetentionSettings.DEPROVISIONED_PEOPLE);
        lines.add("Everything about you, once your organisation removes you from its directory: "
                + RetentionSettings.words(deprovisioned, UNTIL_FORGET) + " after that");
        data.put("after deprovisioning", deprovisioned.toString());
        java.time.Period silent = tenantSettings.get(RetentionSettings.SILENT_PEOPLE);
        lines.add(silent.isZero() ? "Everything about you, while none of your handoffs changes: " + UNTIL_FORGET
                : "Everything about you, once none of your handoffs was named, confirmed or changed for "
                        + RetentionSettings.words(silent, UNTIL_FORGET));
        data.put("when silent", silent.toString());
        lines.add("Your profile and handoffs: as long as you use Handoff, " + UNTIL_FORGET);
        return List.of(new DataSection(TITLE, lines, data));
    }

    @Override
    public List<String> erase(TenantId tenant, PersonId person) {
        return List.of();
    }

    private static String capital(String words) {
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
