package io.handoff.map;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Drawn PNGs, kept by what they show, least recently used first out when the bytes exceed a bound.
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
 * drawing it again (and fails the same way if that drawing was refused as busy). Entries older than
 * {@link #MAX_AGE} are dropped, so a picture of a person who asked to be forgotten does not linger in memory.
 */
final class PictureCache {
    static final Duration MAX_AGE = Duration.ofMinutes(10);

    private final long maxBytes;
    private final LongSupplier nanoTime;
    private final Map<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<Key, CompletableFuture<byte[]>> drawing = new ConcurrentHashMap<>();
    private long bytes;

    PictureCache(long maxBytes) {
        this(maxBytes, System::nanoTime);
    }

    PictureCache(long maxBytes, LongSupplier nanoTime) {
        this.maxBytes = Math.max(0, maxBytes);
        this.nanoTime = nanoTime;
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
    Picture get(DependencyMap dependencyMap, boolean lanes, Supplier<byte[]> draw) {
        if (maxBytes == 0) {
            return new Picture(draw.get(), true);
        }
        Key map = new Key(dependencyMap, lanes);
        byte[] kept = kept(map);
        if (kept != null) {
            return new Picture(kept, false);
        }
        CompletableFuture<byte[]> mine = new CompletableFuture<>();
        CompletableFuture<byte[]> other = drawing.putIfAbsent(map, mine);
        if (other != null) {
            try {
                return new Picture(other.join(), false);
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            kept = kept(map); // drawn and kept between the look-up and the claim
            byte[] png = kept != null ? kept : draw.get();
            if (kept == null) {
                keep(map, png);
            }
            mine.complete(png);
            return new Picture(png, kept == null);
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            drawing.remove(map, mine);
        }
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized int size() {
        return entries.size();
    }

    private synchronized byte[] kept(Key map) {
        Entry entry = entries.get(map);
        if (entry == null) {
            return null;
        }
        if (nanoTime.getAsLong() - entry.keptAt() > MAX_AGE.toNanos()) {
            entries.remove(map);
            bytes -= entry.weight();
            return null;
        }
        return entry.png();
    }

    private synchronized void keep(Key map, byte[] png) {
        long weight = weight(map.map(), png);
        if (weight > maxBytes) {
            return;
        }
        Entry old = entries.put(map, new Entry(png, weight, nanoTime.getAsLong()));
        bytes += weight - (old == null ? 0 : old.weight());
        Iterator<Entry> eldest = entries.values().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().weight();
            eldest.remove();
        }
    }

    /** The picture's bytes and an estimate of its key's: two bytes a character of the map's text, plus headers. */
    static long weight(DependencyMap map, byte[] png) {
        return png.length + 2L * map.toString().length() + 48L * (map.nodes().size() + map.edges().size() + 4);
    }

    private record Entry(byte[] png, long weight, long keptAt) {
    }
}
