package io.handoff.msteams;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.connector.authentication.CachingOpenIdMetadataResolver;
import com.microsoft.bot.schema.Serialization;

/**
 * Loads the keys that sign the Bot Framework's tokens while the application starts, so the first activity does not
 * wait for the OpenID metadata and its JWKS (two calls to Microsoft, about 2 s from far away); then runs the
 * {@code after} steps on the same thread (the outgoing token, the code an activity goes through once: {@link
 * ActivityWarmUp}), each bounded and logged when it fails. The keys go into the
 * SDK's own JVM-wide cache ({@link CachingOpenIdMetadataResolver}, kept five days), which every token validation
 * reads: the warm-up asks it for one key the JWKS publishes. It starts on its own daemon thread as soon as the adapter
 * exists, in parallel with the rest of the start, and the start waits for it at most {@link #WAIT} once every bean is
 * made; a warm-up that fails or takes longer is logged, and the first activity then fetches the keys as before.
 */
final class SigningKeysWarmUp implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(SigningKeysWarmUp.class);
    /** The longest the start waits for the keys. */
    static final Duration WAIT = Duration.ofSeconds(3);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String metadataUrl;
    private final CompletableFuture<Void> loading;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final Runnable after;
    private final long started = System.nanoTime();

    SigningKeysWarmUp(String metadataUrl) {
        this(metadataUrl, () -> { });
    }

    SigningKeysWarmUp(String metadataUrl, Runnable after) {
        this.metadataUrl = metadataUrl;
        this.after = after;
        this.loading = new CompletableFuture<>();
        Thread thread = new Thread(this::warmUp, "teams-signing-keys");
        thread.setDaemon(true);
        thread.start();
    }

    private void warmUp() {
        load();
        try {
            after.run();
        } catch (RuntimeException e) {
            log.warn("Warming up the Teams code paths at start failed: {}", e.toString());
        }
        log.info("Teams warm-up done in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
        done.complete(null);
    }

    private void load() {
        try {
            String keyId = firstKeyId().orElseThrow(() -> new IOException("the JWKS publishes no key id"));
            // the SDK fetches the metadata and the JWKS into its cache; null when its own fetch failed (it logs why)
            if (new CachingOpenIdMetadataResolver().get(metadataUrl).getKey(keyId) == null) {
                throw new IOException("the Bot Framework SDK could not load the keys");
            }
            loading.complete(null);
        } catch (IOException | RuntimeException e) {
            loading.completeExceptionally(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            loading.completeExceptionally(e);
        }
    }

    /** The id of a key the metadata's JWKS publishes: what the SDK's cache is asked for. */
    private Optional<String> firstKeyId() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        String jwksUri = get(http, metadataUrl).path("jwks_uri").asText("");
        if (jwksUri.isBlank()) {
            throw new IOException("the OpenID metadata names no jwks_uri");
        }
        for (JsonNode key : get(http, jwksUri).path("keys")) {
            if (!key.path("kid").asText("").isBlank()) {
                return Optional.of(key.path("kid").asText());
            }
        }
        return Optional.empty();
    }

    private static JsonNode get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + " answered " + response.statusCode());
        }
        return Serialization.jsonToTree(response.body());
    }

    /** Waits at most {@link #WAIT} for the keys and then the {@code after} steps; never fails the start. */
    @Override
    public void afterSingletonsInstantiated() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            loading.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Loaded the Bot Framework signing keys from {}", metadataUrl);
            try {
                done.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException slow) {
                log.info("The Teams warm-up goes on after the start");
            }
        } catch (TimeoutException slow) {
            log.warn("The Bot Framework signing keys from {} are not loaded after {} s; starting anyway, they keep "
                    + "loading (or the first activity loads them)", metadataUrl, WAIT.toSeconds());
        } catch (ExecutionException failed) {
            log.warn("Could not load the Bot Framework signing keys from {} at start ({}); the first activity will "
                    + "try again", metadataUrl, failed.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
