package io.handoff.msteams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.apache.commons.lang3.LocaleUtils;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.restclient.RestClient;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ResourceResponse;
import com.microsoft.bot.schema.teams.TeamsChannelAccount;
import com.microsoft.bot.schema.Serialization;

import io.handoff.chat.Action;
import io.handoff.chat.Button;
import io.handoff.chat.Buttons;
import io.handoff.chat.Heading;
import io.handoff.chat.Message;
import io.handoff.chat.Paragraph;

/**
 * What the first Teams activity after a start would otherwise pay for (about 4 s, issue 20), done once while the app
 * starts, off any request: the outgoing client-credentials token (kept by the credentials until it expires), and the
 * classes an activity goes through loaded and run once: the activity parsed as the controller parses it, a throwaway
 * token signed and verified (RS256, as the channel's tokens are) with a key made here and thrown away, and a message
 * rendered as an Adaptive Card and serialised. Nothing of it is kept except the token; a step that fails is logged.
 */
final class ActivityWarmUp implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(ActivityWarmUp.class);
    private static final Duration TOKEN_WAIT = Duration.ofSeconds(10);
    private static final String SAMPLE = """
            {"type":"message","id":"warm-up","channelId":"msteams","serviceUrl":"https://smba.invalid/warm-up/",
             "from":{"id":"29:warm-up","aadObjectId":"00000000-0000-0000-0000-000000000000"},
             "recipient":{"id":"28:warm-up"},"conversation":{"id":"a:warm-up","conversationType":"personal",
             "tenantId":"00000000-0000-0000-0000-000000000000"},"text":"help",
             "channelData":{"tenant":{"id":"00000000-0000-0000-0000-000000000000"}}}""";

    private final AppCredentials credentials;

    ActivityWarmUp(AppCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public void run() {
        step("the outgoing token", this::token);
        step("the activity code path", ActivityWarmUp::codePath);
        step("the connector client", this::connector);
    }

    private static void step(String what, Runnable step) {
        long start = System.nanoTime();
        try {
            step.run();
            log.debug("Warmed up {} in {} ms", what, Duration.ofNanos(System.nanoTime() - start).toMillis());
        } catch (RuntimeException e) {
            log.warn("Could not warm up {} at start ({}); the first activity does it", what, e.toString());
        }
    }

    private void token() {
        try {
            credentials.getToken().get(TOKEN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("no token: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * What the SDK does on its side of the first turn (measured with JFR, issue 20: about a second of class loading
     * and first runs, seconds on a busy machine): the turn's locale checked against the JVM's available locales, a
     * connector client built (OkHttp, retrofit's proxy of the REST interfaces, the SDK's Jackson adapter), a reply
     * serialised and the connector's answers (a member, a resource response) read by that adapter. The client, for an
     * address that does not exist, is thrown away; nothing is sent.
     */
    private void connector() {
        LocaleUtils.isAvailableLocale(new Locale.Builder().setLanguageTag("en-US").build());
        RestClient rest = RestConnectorClient.getDefaultRestClientBuilder("https://smba.invalid/warm-up/", credentials)
                .build();
        RestConnectorClient client = new RestConnectorClient(rest);
        client.getConversations();
        Activity reply = MsTeamsMessages.message(new Message("Handoff", List.of(new Heading("Warm-up"))));
        reply.setConversation(new ConversationAccount("a:warm-up"));
        try {
            rest.serializerAdapter().serialize(reply);
            rest.serializerAdapter().deserialize("{\"id\":\"warm-up\"}", ResourceResponse.class);
            rest.serializerAdapter().deserialize("{\"id\":\"29:warm-up\",\"name\":\"Warm up\",\"aadObjectId\":"
                    + "\"00000000-0000-0000-0000-000000000000\",\"email\":\"warm@up.invalid\"}",
                    TeamsChannelAccount.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a sample activity, signs and verifies a throwaway token, renders a card: classes loaded, code run. */
    static void codePath() {
        Activity activity = MsTeamsHttpServlet.parse(SAMPLE.getBytes(StandardCharsets.UTF_8));
        MessageHandler.commandText(activity);
        MessageHandler.place(activity);
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(1024); // throwaway: signs only this token; smaller is quicker to make
            pair = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Algorithm rs256 = Algorithm.RSA256((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
        Instant now = Instant.now();
        String token = JWT.create().withIssuer("https://api.botframework.com").withAudience("warm-up")
                .withKeyId("warm-up").withClaim("serviceurl", activity.getServiceUrl())
                .withNotBefore(Date.from(now.minusSeconds(60))).withExpiresAt(Date.from(now.plusSeconds(60)))
                .sign(rs256);
        JWT.require(rs256).withIssuer("https://api.botframework.com").withAudience("warm-up").build().verify(token);
        JWT.decode(token).getClaim("serviceurl").asString();
        Message help = new Message("Handoff", List.of(new Heading("What I can do"),
                Paragraph.builder().strong("Handoff").plain(" warms up.").build(),
                Buttons.of(Button.primary("Map my customers", new Action("warm-up.start", "")))));
        Activity reply = MsTeamsMessages.message(help);
        Serialization.toStringSilent(reply);
    }
}
