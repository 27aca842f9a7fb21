package io.handoff.msteams;

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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.schema.Activity;
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

    /** Parses a sample activity, signs and verifies a throwaway token, renders a card: classes loaded, code run. */
    static void codePath() {
        Activity activity = MsTeamsController.parse(SAMPLE.getBytes(StandardCharsets.UTF_8));
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
