package io.handoff.journey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.privacy.DataSection;
import io.handoff.privacy.PersonalData;

/**
 * my-data shows the customer's words a person passed on (drafts too, as masked) and their walks of customer moments;
 * forget-me deletes both (the stories each voice became are the person's stories and go with them, see the
 * stories' own part), and removes them as the host of others' walks.
 */
final class VoicePersonalData implements PersonalData {
    private final VoiceStore voices;
    private final WalkStore walks;

    VoicePersonalData(VoiceStore voices, WalkStore walks) {
        this.voices = Objects.requireNonNull(voices);
        this.walks = Objects.requireNonNull(walks);
    }

    @Override
    public List<DataSection> describe(TenantId tenant, PersonId person) {
        List<DataSection> sections = new ArrayList<>();
        List<CustomerVoice> mine = voices.of(tenant, person);
        if (!mine.isEmpty()) {
            List<String> lines = new ArrayList<>();
            List<Object> data = new ArrayList<>();
            for (CustomerVoice voice : mine) {
                lines.add((voice.sent() ? "Sent " + voice.sentAt().toString().substring(0, 10) : "Draft")
                        + ": a customer's words from " + voice.moment() + (voice.anonymous() ? " (anonymous)" : "")
                        + ": \"" + voice.words() + "\"");
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("journey", voice.journey().value());
                entry.put("touchpoint", voice.touchpoint().value());
                entry.put("words", voice.words());
                entry.put("anonymous", voice.anonymous());
                entry.put("status", voice.sent() ? "sent" : "draft");
                entry.put("createdAt", voice.createdAt().toString());
                entry.put("sentAt", voice.sentAt() == null ? null : voice.sentAt().toString());
                entry.put("to", voice.to().stream().map(PersonId::value).toList());
                data.add(entry);
            }
            sections.add(new DataSection("Customer's words you passed on", lines, Map.of("customerVoices", data)));
        }
        List<WalkStore.Walk> walked = walks.all(tenant).stream().filter(w -> w.person().equals(person)).toList();
        List<Object> invited = new ArrayList<>();
        walks.invitations(tenant, person).forEach((period, where) -> invited.add(Map.of("period", period,
                "touchpoint", where)));
        if (!walked.isEmpty() || !invited.isEmpty()) {
            List<String> lines = new ArrayList<>();
            List<Object> data = new ArrayList<>();
            for (WalkStore.Walk walk : walked) {
                lines.add("Walk of " + walk.touchpoint().value() + " (" + walk.journey().value() + "), " + walk.period()
                        + ", " + (walk.mode() == WalkStore.Mode.SHADOW ? "shadowing " + walk.host().map(PersonId::value)
                        .orElse("someone who left") : "as a customer"));
                data.add(Map.of("journey", walk.journey().value(), "touchpoint", walk.touchpoint().value(),
                        "period", walk.period(), "mode", walk.mode().code(), "at", walk.at().toString()));
            }
            if (!invited.isEmpty()) {
                lines.add(invited.size() == 1 ? "1 walk invitation" : invited.size() + " walk invitations");
            }
            sections.add(new DataSection("Walks of customer moments", lines, Map.of("walks", data,
                    "invitations", invited)));
        }
        return sections;
    }

    @Override
    public List<String> erase(TenantId tenant, PersonId person) {
        int voiceCount = voices.forget(tenant, person);
        int walkCount = walks.forget(tenant, person);
        List<String> erased = new ArrayList<>();
        if (voiceCount > 0) {
            erased.add(voiceCount == 1 ? "1 customer's words you passed on" : voiceCount
                    + " customer's words you passed on");
        }
        if (walkCount > 0) {
            erased.add(walkCount == 1 ? "1 walk of a customer moment" : walkCount + " walks of customer moments");
        }
        return erased;
    }
}
