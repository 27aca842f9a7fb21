package io.handoff.msteams;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ResourceResponse;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.response.auth.AuthTestResponse;

import io.handoff.chat.Message;

/**
 * The Slack SDK (okhttp 4) and the Bot Framework SDK (built on okhttp 3 and retrofit) share the one okhttp the build
 * pins: both make real HTTP calls in the same JVM.
 */
class BothChatSdksTest {
    private final BotFrameworkFake fake = BotFrameworkFake.instance();

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @Test
    void oneOkHttpServesBothSdks() throws Exception {
        assertThat(okhttp3.OkHttp.VERSION).startsWith("4.12.");
        fake.server.stubFor(post(urlPathEqualTo("/slack/api/auth.test"))
                .willReturn(okJson("{\"ok\":true,\"team_id\":\"T0456\",\"user_id\":\"U0BOT\"}")));
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(fake.baseUrl() + "/slack/api/");

        AuthTestResponse slack = Slack.getInstance(config).methods("xoxb-test-token").authTest(r -> r);

        assertThat(slack.isOk()).isTrue();
        assertThat(slack.getTeamId()).isEqualTo("T0456");
        fake.server.verify(postRequestedFor(urlPathEqualTo("/slack/api/auth.test"))
                .withHeader("Authorization", equalTo("Bearer xoxb-test-token")));

        Activity activity = MsTeamsMessages.message(Message.text("hello from the Bot Framework"));
        ConversationAccount conversation = new ConversationAccount();
        conversation.setId("a:both-sdks");
        activity.setConversation(conversation);
        ResourceResponse teams = new RestConnectorClient(fake.serviceUrl(), MicrosoftAppCredentials.empty())
                .getConversations().sendToConversation(activity).join();

        assertThat(teams.getId()).isEqualTo("sent-1");
        List<tools.jackson.databind.JsonNode> sent = fake.sentTo("a:both-sdks");
        assertThat(sent).hasSize(1);
        assertThat(BotFrameworkFake.texts(BotFrameworkFake.card(sent.get(0)))).contains("hello from the Bot Framework");
    }
}
