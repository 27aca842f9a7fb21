package io.handoff.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiTextResponse;

import io.handoff.chat.Attachment;
import io.handoff.chat.Message;

/**
 * Posts a message of the chat port to a person's DM with the app: {@code chat.postMessage} to their user id (the
 * app's Messages tab), then each attachment with {@code files.uploadV2}, which needs the DM's conversation id
 * ({@code conversations.open}).
 */
final class SlackMessenger {
    /** Whether rate limits are waited out here ({@link SlackApi#call}) or reported to the caller ({@link SlackApi#once}). */
    enum RateLimits { WAIT, REPORT }

    private SlackMessenger() {
    }

    static void postToUser(MethodsClient client, String slackUserId, Message message, RateLimits rateLimits) {
        post(client, slackUserId, slackUserId, message, rateLimits);
    }

    /** Posts to a conversation ({@code channel}), uploading attachments to the DM of {@code slackUserId}. */
    static void post(MethodsClient client, String channel, String slackUserId, Message message, RateLimits rateLimits) {
        postText(client, channel, message, rateLimits);
        if (message.attachments().isEmpty()) {
            return;
        }
        String dm = call(rateLimits, "conversations.open", () -> client.conversationsOpen(r -> r
                .users(java.util.List.of(slackUserId)))).getChannel().getId();
        upload(client, dm, message, rateLimits);
    }

    /** Posts to a channel the bot is in; attachments are uploaded to the same channel. */
    static void postToChannel(MethodsClient client, String channel, Message message, RateLimits rateLimits) {
        postText(client, channel, message, rateLimits);
        upload(client, channel, message, rateLimits);
    }

    /** The message's blocks (skipped for a message that is only attachments). */
    private static void postText(MethodsClient client, String channel, Message message, RateLimits rateLimits) {
        if (!message.blocks().isEmpty() || message.attachments().isEmpty()) {
            java.util.List<com.slack.api.model.block.LayoutBlock> blocks = BlockKit.message(message);
            call(rateLimits, "chat.postMessage", () -> client.chatPostMessage(r -> r
                    .channel(channel)
                    .text(BlockKit.fallbackText(message))
                    .blocks(blocks.isEmpty() ? null : blocks)
                    .unfurlLinks(false)
                    .unfurlMedia(false)));
        }
    }

    private static void upload(MethodsClient client, String channel, Message message, RateLimits rateLimits) {
        for (Attachment attachment : message.attachments()) {
            call(rateLimits, "files.uploadV2", () -> client.filesUploadV2(r -> r
                    .channel(channel)
                    .fileData(attachment.content())
                    .filename(attachment.fileName())
                    .title(attachment.title())
                    .requestFileInfo(false)));
        }
    }

    private static <T extends SlackApiTextResponse> T call(RateLimits rateLimits, String method, SlackApi.Call<T> call) {
        return rateLimits == RateLimits.WAIT ? SlackApi.call(method, call) : SlackApi.once(method, call);
    }
}
