package io.handoff.privacy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.chat.Action;
import io.handoff.chat.Actor;
import io.handoff.chat.Attachment;
import io.handoff.chat.Block;
import io.handoff.chat.Button;
import io.handoff.chat.Buttons;
import io.handoff.chat.Heading;
import io.handoff.chat.Message;
import io.handoff.chat.Outcome;
import io.handoff.chat.Paragraph;
import io.handoff.graph.Refusal;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code my-data}: everything every {@link PersonalData} store keeps about the person, as text and as a JSON export;
 * {@code forget-me}: a confirmation step (a danger button valid for {@link #CONFIRM_WINDOW}), then every store's
 * erase, the graph last, and a list of what was deleted. The conversation feature that offers the commands names
 * the ids of the confirmation's buttons and routes them back here.
 */
public final class PersonalDataCommands {
    static final Duration CONFIRM_WINDOW = Duration.ofMinutes(15);
    private static final Logger log = LoggerFactory.getLogger(PersonalDataCommands.class);
    /** Slack allows 50 blocks per message and 3000 characters per text block. */
    static final int MAX_BLOCKS = 45;
    static final int MAX_PARAGRAPH = 2800;
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final List<PersonalData> stores;
    private final Clock clock;
    private final String forgetAction;
    private final String cancelAction;

    /** {@code forgetAction}, {@code cancelAction}: the ids of the confirmation's buttons. */
    public PersonalDataCommands(List<PersonalData> stores, Clock clock, String forgetAction, String cancelAction) {
        this.stores = stores.stream().sorted(Comparator.comparingInt(PersonalData::eraseOrder)).toList();
        this.clock = clock;
        this.forgetAction = forgetAction;
        this.cancelAction = cancelAction;
    }

    public Outcome myData(Actor actor) {
        List<DataSection> sections = new ArrayList<>();
        // the graph (profile, handoffs) first when reading, although it is erased last
        for (int i = stores.size() - 1; i >= 0; i--) {
            sections.addAll(stores.get(i).describe(actor.tenant(), actor.person()));
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading("What Handoff stores about you"));
        for (DataSection section : sections) {
            if (blocks.size() >= MAX_BLOCKS) {
                blocks.add(Paragraph.of("There is more than fits in a message: the attached file has all of it."));
                break;
            }
            blocks.add(new Heading(section.title()));
            chunks(section.lines()).forEach(chunk -> blocks.add(Paragraph.of(chunk)));
        }
        blocks.add(Paragraph.of("The same is attached as a file. To delete all of it, type forget-me."));
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("tenant", actor.tenant().value());
        export.put("person", actor.person().value());
        export.put("exportedAt", clock.instant().toString());
        List<Object> parts = new ArrayList<>();
        for (DataSection section : sections) {
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("title", section.title());
            part.put("data", section.data());
            parts.add(part);
        }
        export.put("sections", parts);
        byte[] json = JSON.writeValueAsString(export).getBytes(StandardCharsets.UTF_8);
        Attachment file = new Attachment("handoff-my-data.json", "application/json", json, "Your Handoff data");
        return Outcome.show(new Message("What Handoff stores about you", blocks, List.of(file)));
    }

    public Outcome forgetMe(Actor actor) {
        String issued = Long.toString(clock.instant().getEpochSecond(), 36);
        Message ask = new Message("Delete everything Handoff stores about you?", List.of(
                new Heading("Delete everything Handoff stores about you?"),
                Paragraph.of("This deletes your profile, every handoff you are part of (your colleagues lose them "
                        + "from their maps too), your preferences and anything else Handoff keeps about you. "
                        + "It cannot be undone."),
                Paragraph.of("Type my-data first if you want a copy."),
                Buttons.of(Button.danger("Delete everything", new Action(forgetAction, issued)),
                        Button.of("Cancel", new Action(cancelAction, "")))));
        return Outcome.show(ask);
    }

    public Outcome forgetConfirmed(Actor actor, String issued) {
        Instant at;
        try {
            at = Instant.ofEpochSecond(Long.parseLong(issued, 36));
        } catch (NumberFormatException e) {
            throw new Refusal("that button is damaged; type forget-me again");
        }
        Instant now = clock.instant();
        if (at.isAfter(now.plusSeconds(60)) || at.plus(CONFIRM_WINDOW).isBefore(now)) {
            return Outcome.show(new Message("That button has expired.", List.of(
                    Paragraph.of("That button has expired, so I deleted nothing."),
                    Paragraph.of("Type forget-me again if you still want me to forget you."))));
        }
        List<String> erased = new ArrayList<>();
        for (PersonalData store : stores) {
            erased.addAll(store.erase(actor.tenant(), actor.person()));
        }
        log.info("person {} of tenant {} asked to be forgotten: {} kinds of data erased", actor.person(),
                actor.tenant(), erased.size());
        List<Block> blocks = new ArrayList<>();
        blocks.add(Paragraph.of("Done. I deleted:"));
        blocks.add(Paragraph.of(erased.isEmpty() ? "• nothing was stored"
                : "• " + String.join("\n• ", erased)));
        blocks.add(Paragraph.of("If you ever want to start again, type customers."));
        return new Outcome(new io.handoff.chat.Reply.Show(new Message("Done: Handoff forgot you.", blocks)),
                List.of(), true);
    }

    public Outcome forgetCancelled() {
        return Outcome.show(new Message("Nothing deleted.", List.of(Paragraph.of("Good, nothing deleted."),
                Paragraph.of("Type my-data any time to see what I keep about you."))));
    }

    /** Lines joined into paragraphs of at most {@link #MAX_PARAGRAPH} characters (longer lines are cut). */
    static List<String> chunks(List<String> lines) {
        List<String> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        for (String line : lines) {
            String cut = line.length() > MAX_PARAGRAPH ? line.substring(0, MAX_PARAGRAPH - 1) + "…" : line;
            if (chunk.length() > 0 && chunk.length() + 1 + cut.length() > MAX_PARAGRAPH) {
                chunks.add(chunk.toString());
                chunk.setLength(0);
            }
            chunk.append(chunk.length() > 0 ? "\n" : "").append(cut);
        }
        if (chunk.length() > 0) {
            chunks.add(chunk.toString());
        }
        return chunks;
    }
}
