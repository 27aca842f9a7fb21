package io.handoff.slack;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;

import io.handoff.chat.ChatBot;
import io.handoff.chat.Message;
import io.handoff.chat.Outcome;
import io.handoff.chat.Reply;
import io.handoff.slack.SlackActors.Who;

/**
 * Slash commands: every text is a command of the chat port (the admins' {@code team-channel} and {@code sync-teams}
 * too, which the core parses and checks), answered ephemerally within Slack's 3-second window (a form opens as a
 * modal); the rest follows after the ack.
 */
final class SlackSlashCommands {
    private static final Logger log = LoggerFactory.getLogger(SlackSlashCommands.class);
    private static final String SORRY = "Sorry, something went wrong on our side. Please try again in a minute.";

    private final ChatBot bot;
    private final SlackActors actors;
    private final SlackFollowUp followUp;

    SlackSlashCommands(ChatBot bot, SlackActors actors, SlackFollowUp followUp) {
        this.bot = bot;
        this.actors = actors;
        this.followUp = followUp;
    }

    Response onCommand(SlashCommandRequest request, SlashCommandContext ctx) {
        SlashCommandPayload payload = request.getPayload();
        try {
            Optional<Who> resolved = actors.resolve(ctx, payload.getUserId());
            if (resolved.isEmpty()) {
                return ctx.ack(ephemeral(Message.text("Handoff works for people of this workspace only.")));
            }
            Who who = resolved.get();
            String text = actors.commandText(who, payload.getText());
            Outcome outcome = bot.handle(who.command(text));
            Message shown = null;
            Reply reply = outcome.reply();
            if (reply instanceof Reply.OpenForm || reply instanceof Reply.NextForm) {
                followUp.openModal(who, SlackFollowUp.form(reply), payload.getTriggerId(),
                        SlackModalOrigin.stateOnly(SlackFollowUp.form(reply).state()));
            } else if (reply instanceof Reply.Show show) {
                shown = show.message();
            } else if (reply instanceof Reply.CloseForm close) {
                shown = close.message();
            } else if (reply instanceof Reply.Replace replace) { // a command has no message to replace
                shown = replace.message();
            } else if (reply instanceof Reply.FormErrors errors) {
                shown = Message.text(String.join("\n", errors.errors().values()));
            }
            followUp.afterAck(who, outcome, shown == null ? null : attachmentsOnly(shown));
            return shown == null ? ctx.ack() : ctx.ack(ephemeral(shown));
        } catch (RuntimeException e) {
            log.error("Slash command failed", e);
            return ctx.ack(ephemeral(Message.text(SORRY)));
        }
    }

    private static SlashCommandResponse ephemeral(Message message) {
        return SlashCommandResponse.builder().responseType("ephemeral").text(BlockKit.fallbackText(message))
                .blocks(BlockKit.message(message)).build();
    }

    /** After an ephemeral reply the files of the message still need a DM (ephemeral messages carry no files). */
    private static Message attachmentsOnly(Message message) {
        return message.attachments().isEmpty() ? null : new Message(message.summary(), List.of(), message.attachments());
    }
}
