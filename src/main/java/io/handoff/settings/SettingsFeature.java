package io.handoff.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.chat.Actor;
import io.handoff.chat.Block;
import io.handoff.chat.Heading;
import io.handoff.chat.Message;
import io.handoff.chat.Outcome;
import io.handoff.chat.Paragraph;
import io.handoff.conversation.ConversationFeature;
import io.handoff.graph.Refusal;
import io.handoff.map.MapAccess;
import io.handoff.settings.InvalidSettingsException;
import io.handoff.settings.TenantSettings;
import io.handoff.settings.TenantSettingsStore;

/**
 * The chat command {@code settings} for admins: without arguments it shows the tenant's settings, with
 * {@code <name> <value>} it changes one through the same validation as {@code PUT /api/v1/tenants/{tenant}/settings}.
 * Admins are the people {@link TenantAdmins} knows as admins (HANDOFF_MAP_ADMINS); everyone else is told whom to ask.
 */
public class SettingsFeature implements ConversationFeature {
    static final String WORD = "settings";
    static final String USAGE = "settings [<name> <value>]";
    private static final Logger log = LoggerFactory.getLogger(SettingsFeature.class);

    private final TenantSettingsStore store;
    private final TenantAdmins access;

    public SettingsFeature(TenantSettingsStore store, TenantAdmins access) {
        this.store = store;
        this.access = access;
    }

    @Override
    public String prefix() {
        return "settings.";
    }

    @Override
    public List<CommandHelp> commands() {
        return List.of(new CommandHelp(WORD, USAGE,
                "for admins: show this workspace's settings, or change one, e.g. 'settings min-respondents 4'"));
    }

    @Override
    public Outcome onCommand(Actor actor, String word, String args) {
        if (!access.isAdmin(actor.tenant(), actor.person())) {
            return Outcome.show(Message.text(refusal(actor)));
        }
        String text = args == null ? "" : args.strip();
        if (text.isEmpty()) {
            return Outcome.show(shown(store.settings(actor.tenant()), null));
        }
        String[] nameAndValue = text.split("\\s+", 2);
        if (nameAndValue.length < 2) {
            return Outcome.show(Message.text("Say the setting and its new value, e.g. 'settings "
                    + nameAndValue[0].toLowerCase(Locale.ROOT) + " <value>'. The settings are: "
                    + SettingChange.names() + "."));
        }
        TenantSettings changed;
        try {
            changed = SettingChange.apply(store.settings(actor.tenant()), nameAndValue[0], nameAndValue[1]);
        } catch (InvalidSettingsException invalid) {
            return notChanged(invalid);
        } catch (Refusal wrong) {
            return Outcome.show(Message.text(wrong.getMessage()));
        }
        try {
            TenantSettings saved = store.save(actor.tenant(), changed);
            log.info("admin {} of tenant {} changed setting {}", actor.person(), actor.tenant(),
                    nameAndValue[0].toLowerCase(Locale.ROOT));
            return Outcome.show(shown(saved, "Saved: " + nameAndValue[0].toLowerCase(Locale.ROOT) + " is now "
                    + nameAndValue[1].strip() + "."));
        } catch (InvalidSettingsException invalid) {
            return notChanged(invalid);
        }
    }

    private static Outcome notChanged(InvalidSettingsException invalid) {
        return Outcome.show(Message.text("Nothing was changed: " + String.join("; ", invalid.problems()) + "."));
    }

    private String refusal(Actor actor) {
        List<String> admins = access.admins(actor.tenant());
        String who = admins.isEmpty() ? "No admins are configured for this workspace yet; whoever runs Handoff "
                + "can name them in HANDOFF_MAP_ADMINS."
                : "The admins here (set in HANDOFF_MAP_ADMINS) are: " + String.join(", ", admins)
                + ". You can ask one of them to change a setting.";
        return "Only Handoff admins can see or change this workspace's settings. " + who;
    }

    /** The settings as readable lines, with an optional first line (what was just saved). */
    static Message shown(TenantSettings s, String first) {
        List<String> lines = List.of(
                "friction-poll-every: " + SettingChange.describe(s.frictionPollEvery()),
                "story-prompt-every: " + SettingChange.describe(s.storyPromptEvery()),
                "survey-reminder-every: " + SettingChange.describe(s.surveyReminderEvery()),
                "working-days: " + SettingChange.describeDays(s.workingDays()),
                "working-hours: " + s.workdayStart() + "–" + (s.endsAtMidnight() ? "24:00" : s.workdayEnd())
                        + " (each person's local time)",
                "weekly-cap: " + s.weeklyCap() + " nudges per person in any 7 days"
                        + (s.weeklyCap() == 0 ? " (nudges off)" : ""),
                "min-respondents: " + s.minRespondents() + " before friction results are shown",
                "min-comment-respondents: " + s.minCommentRespondents() + " before comments are shown",
                "stale-after: " + SettingChange.describe(s.staleAfter()) + " without confirmation",
                "manager-report-digest: " + (s.managerReportDigest() ? "on (every Monday)" : "off"),
                "digest-channel: " + (s.digestChannel() == null ? "none" : s.digestChannel()));
        List<Block> blocks = new ArrayList<>();
        if (first != null) {
            blocks.add(Paragraph.of(first));
        }
        blocks.add(new Heading("Settings of this workspace"));
        lines.forEach(line -> blocks.add(Paragraph.of(line)));
        blocks.add(Paragraph.of("Change one with 'settings <name> <value>', e.g. 'settings working-hours 08:00-16:00'."));
        String summary = (first == null ? "" : first + "\n") + String.join("\n", lines);
        return new Message(summary, blocks);
    }
}
