package io.handoff.map;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Drawn PNGs, kept by what they show (Caffeine, bounded in bytes, its size-based eviction choosing what goes).
 * <p>
 * The key is the {@link DependencyMap} itself, the one input of a picture ({@link MapLayout} and {@link MapPainter}
 * read nothing else): its title, scope, boxes, arrows, every arrow's status, dates and friction aggregate (only those
 * at or above the tenant's {@code min-respondents}, as {@link MapBuilder} leaves the others out), compared field by
 * field as records are. So any change to what is drawn — a handoff confirmed, a name, a team, a friction period,
 * a raised minimum, the people a viewer may see ({@link MapService#buildWithin}) — is a different key and a new
 * picture, and a picture is only ever served to a viewer whose own map, built with their own rights, is equal to it:
 * the same picture they would have been drawn. No graph version is needed, and nothing is stored in Redis.
 * <p>
 * Pictures being drawn are shared: a second request for the same map waits for the first drawing instead of
 * drawing it again (and fails the same way if that drawing was refused as busy; a failed drawing is not kept).
 * Pictures older than {@link #MAX_AGE} are dropped, so a picture of a person who asked to be forgotten does not
 * linger in memory.
 */
final class PictureCache {
    static final Duration MAX_AGE = Duration.ofMinutes(10);

    private final AsyncCache<Key, byte[]> pictures;

    PictureCache(long maxBytes) {
        this(maxBytes, System::nanoTime);
    }

    PictureCache(long maxBytes, LongSupplier nanoTime) {
        this.pictures = maxBytes <= 0 ? null : Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key key, byte[] png) -> (int) Math.min(Integer.MAX_VALUE, weight(key.map(), png)))
                .expireAfterWrite(MAX_AGE)
                .ticker(nanoTime::getAsLong)
                .executor(Runnable::run) // evict on the caller's thread: the bound holds when a call returns
                .buildAsync();
    }

    /** The result of a look-up: the picture and whether it was drawn for this call. */
    record Picture(byte[] png, boolean drawn) {
    }

    /** What a picture is kept by: the map, and whether it is laid out in swim lanes (a journey's blueprint). */
    private record Key(DependencyMap map, boolean lanes) {
    }

    /** The picture of {@code map}: kept, being drawn by another request, or drawn now by {@code draw}. */
    Picture get(DependencyMap map, Supplier<byte[]> draw) {
        return get(map, false, draw);
    }

    /** As {@link #get(DependencyMap, Supplier)}, for the map laid out in lanes ({@code lanes}) or as usual. */
    Picture get(DependencyMap map, boolean lanes, Supplier<byte[]> draw) {
        if (pictures == null) {
            return new Picture(draw.get(), true);
        }
        CompletableFuture<byte[]> mine = new CompletableFuture<>();
        CompletableFuture<byte[]> kept = pictures.asMap().putIfAbsent(new Key(map, lanes), mine);
        if (kept != null) {
            try {
                return new Picture(kept.join(), false);
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            byte[] png = draw.get();
            mine.complete(png);
            return new Picture(png, true);
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e); // Caffeine removes a failed future
            throw e;
        }
    }

    /** The bytes kept (as weighed), after pending evictions. */
    long bytes() {
        if (pictures == null) {
            return 0;
        }
        pictures.synchronous().cleanUp();
        return pictures.synchronous().policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    /** The pictures kept, after pending evictions. */
    int size() {
        if (pictures == null) {
            return 0;
        }
        pictures.synchronous().cleanUp();
        return (int) pictures.synchronous().estimatedSize();
    }

    /** The picture's bytes and an estimate of its key's: two bytes a character of the map's text, plus headers. */
    static long weight(DependencyMap map, byte[] png) {
        return png.length + 2L * map.toString().length() + 48L * (map.nodes().size() + map.edges().size() + 4);
    }
}
