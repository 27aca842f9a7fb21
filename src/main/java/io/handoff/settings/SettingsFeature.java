package io.handoff.settings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

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

/**
 * The chat command {@code settings} for admins: without arguments it shows the tenant's settings, with
 * {@code <name> <value>} it changes one through the same validation as {@code PUT /api/v1/tenants/{tenant}/settings}.
 * Admins are the people {@link TenantAdmins} knows as admins (HANDOFF_MAP_ADMINS); everyone else is told whom to ask.
 */
class SettingsFeature implements ConversationFeature {
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
                "for admins: show your organisation's settings, or change one, e.g. 'settings min-respondents 4'"));
    }

    @Override
    public Outcome onCommand(Actor actor, String word, String args) {
        if (!access.isAdmin(actor.tenant(), actor.person())) {
            return Outcome.show(Message.text(refusal(actor)));
        }
        String text = args == null ? "" : args.strip();
        if (text.isEmpty()) {
            return Outcome.show(shown(store.registry(), store.settings(actor.tenant()), null));
        }
        String[] nameAndValue = text.split("\\s+", 2);
        if (nameAndValue.length < 2) {
            return Outcome.show(Message.text("Say the setting and its new value, e.g. 'settings "
                    + nameAndValue[0].toLowerCase(Locale.ROOT) + " <value>'. The settings are: "
                    + String.join(", ", store.registry().names()) + "."));
        }
        TenantSettings changed;
        try {
            changed = store.registry().change(store.settings(actor.tenant()), nameAndValue[0], nameAndValue[1]);
        } catch (InvalidSettingsException invalid) {
            return notChanged(invalid);
        } catch (Refusal wrong) {
            return Outcome.show(Message.text(wrong.getMessage()));
        }
        try {
            TenantSettings saved = store.save(actor.tenant(), changed);
            log.info("admin {} of tenant {} changed setting {}", actor.person(), actor.tenant(),
                    nameAndValue[0].toLowerCase(Locale.ROOT));
            return Outcome.show(shown(store.registry(), saved, "Saved: " + nameAndValue[0].toLowerCase(Locale.ROOT) + " is now "
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
        // words for the people who use Handoff: never the name of a configuration variable
        String who = admins.isEmpty() ? "No Handoff admins are named for your organisation yet; whoever runs "
                + "Handoff for you can name them."
                : "Your Handoff admins are: " + String.join(", ", admins)
                + ". You can ask one of them to change a setting.";
        return "Only your Handoff admins can see or change your organisation's settings. " + who;
    }

    /**
     * Every registered setting as a readable line, {@code name: value — description} (a shortcut such as
     * working-hours in place of its parts), with an optional first line (what was just saved).
     */
    static Message shown(SettingsRegistry registry, TenantSettings values, String first) {
        List<String> lines = new ArrayList<>();
        Set<Setting<?>> inShortcuts = new HashSet<>();
        for (Setting<?> setting : registry.settings()) {
            if (inShortcuts.contains(setting)) {
                continue;
            }
            Optional<SettingShortcut> shortcut = registry.shortcuts().stream()
                    .filter(s -> s.parts().contains(setting)).findFirst();
            if (shortcut.isPresent()) {
                inShortcuts.addAll(shortcut.get().parts());
                lines.add(shortcut.get().name() + ": " + shortcut.get().shown().apply(values) + " — "
                        + shortcut.get().description());
            } else {
                lines.add(setting.name() + ": " + shownValue(setting, values) + " — " + setting.description());
            }
        }
        List<Block> blocks = new ArrayList<>();
        if (first != null) {
            blocks.add(Paragraph.of(first));
        }
        blocks.add(new Heading("Settings of your organisation"));
        lines.forEach(line -> blocks.add(Paragraph.of(line)));
        blocks.add(Paragraph.of("Change one with 'settings <name> <value>'"
                + registry.settings().stream().findFirst().map(s -> ", e.g. 'settings " + s.name() + " " + s.example()
                + "'").orElse("") + "."));
        String summary = (first == null ? "" : first + "\n") + String.join("\n", lines);
        return new Message(summary, blocks);
    }

    private static <T> String shownValue(Setting<T> setting, TenantSettings values) {
        return setting.show(values.get(setting));
    }
}
