package io.handoff.scim;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;
import io.handoff.privacy.DataSection;
import io.handoff.privacy.PersonalData;
import io.handoff.scim.ScimStore.UserRecord;

/**
 * my-data and forget-me for what the identity provider sent about a person: the SCIM user record (userName,
 * externalId, the resource as sent), their provisioned group memberships and the deprovisioning mark. Forgetting
 * removes them; should the identity provider provision the person again, they come back as a new user.
 */
@Component
class ScimPersonalData implements PersonalData {
    private final ScimStore store;
    private final Clock clock;

    ScimPersonalData(ScimStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public List<DataSection> describe(TenantId tenant, PersonId person) {
        Optional<UserRecord> user = store.user(tenant, person);
        Optional<Instant> deprovisioned = store.deprovisionedAt(tenant, person);
        if (user.isEmpty() && deprovisioned.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        Map<String, Object> data = new LinkedHashMap<>();
        user.ifPresent(record -> {
            lines.add("Your organisation's identity provider manages your Handoff account (SCIM).");
            lines.add(record.active() ? "Active." : "Deactivated.");
            data.put("active", record.active());
            if (record.externalId() != null) {
                data.put("externalId", record.externalId());
            }
            data.put("resource", record.resource());
            data.put("groups", record.groups().stream().map(TeamId::value).toList());
        });
        deprovisioned.ifPresent(at -> {
            lines.add("Deprovisioned at " + at + ": Handoff sends you nothing; your data goes as the organisation's "
                    + "retention setting says.");
            data.put("deprovisionedAt", at.toString());
        });
        return List.of(new DataSection("Identity provider (SCIM)", lines, data));
    }

    @Override
    public List<String> erase(TenantId tenant, PersonId person) {
        return store.forget(tenant, person, clock.instant()) ? List.of("your identity provider's record")
                : List.of();
    }
}
