package io.handoff.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import redis.clients.jedis.UnifiedJedis;

/**
 * The lines of a busy person split into parts ({@code adj-part:<id>:<k>}, see {@code adjacency.lua}), so a write
 * copies one part instead of every line: the adjacency string then holds the card and a last line {@code #n} (n parts,
 * a power of two), and the line about another person is in part {@link #index(String, int)}. A string or part longer
 * than {@link #splitAt()} bytes is split by {@code split.lua} after the write that made it so, into parts no longer
 * than {@link #partSplitAt()} bytes, and a part that grows past that is split again (all of the person's lines into
 * twice as many parts). Parts are kept smaller than strings because a write reads the part holding its line into
 * Lua, and Redis's Lua hashes every byte of each string a script makes (about 1.4 ns a byte: some 35 µs of server
 * time for a 24 KB part, read once by {@code edge-of.lua} and once by {@code edge.lua}), while an ego map of the
 * person pays a little per part key in its MGET; strings keep the larger size so that ordinary people keep their
 * lines in their one string.
 *
 * <p>Readers read a person's string and parts in the same MGET (one round trip per ring) using the part counts
 * remembered here; the string itself says how many parts there are, so a count not known yet (the first read of a
 * busy person by this replica, or after a split) costs one more MGET for the parts, after which it is known. Counts
 * only grow while the person exists; a person deleted and created again starts unsplit, which the string also says.
 */
final class AdjacencyParts {
    /** Default split size of a string holding its lines: one longer than this (about 450 handoffs) is split. */
    static final int SPLIT_AT = 32 * 1024;
    /** Default split size of a part: a part longer than this many bytes (about 220 handoffs) is split again. */
    static final int PART_SPLIT_AT = 16 * 1024;
    /** The most parts a person's lines are split into (about 16 million bytes of lines at the part split size). */
    static final int MAX_PARTS = 1024;

    private final int splitAt;
    private final int partSplitAt;
    /** Part count by adjacency key, only for people whose lines are split. */
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    /** Splits strings at {@code splitAt} bytes and parts at the same size or {@link #PART_SPLIT_AT}, the smaller. */
    AdjacencyParts(int splitAt) {
        this(splitAt, Math.min(splitAt, PART_SPLIT_AT));
    }

    AdjacencyParts(int splitAt, int partSplitAt) {
        if (splitAt < 64 || partSplitAt < 64) {
            throw new IllegalArgumentException("split sizes must be at least 64 bytes");
        }
        this.splitAt = splitAt;
        this.partSplitAt = partSplitAt;
    }

    /** A person's string holding their lines is split when longer than this. */
    int splitAt() {
        return splitAt;
    }

    /** A part of a person's lines is split (all their lines into twice as many parts) when longer than this. */
    int partSplitAt() {
        return partSplitAt;
    }

    /** The part holding the line about {@code other} among {@code parts} parts (as {@code partIndex} in Lua). */
    static int index(String other, int parts) {
        long h = 0;
        for (int i = 0; i < other.length(); i++) {
            h = (h * 31 + other.charAt(i)) % 1_000_000_007L;
        }
        return (int) (h % parts);
    }

    /** The part count an adjacency string states: 0 when its lines are in it. */
    static int countOf(String main) {
        int end = main.indexOf('\n');
        if (end < 0 || end + 1 >= main.length() || main.charAt(end + 1) != '#') {
            return 0;
        }
        return Integer.parseInt(main, end + 2, main.length(), 10);
    }

    /** The part count last seen for this person (0 when unsplit or not known). */
    int known(GraphKeys keys, String id) {
        return known(keys.adjacency(id));
    }

    /** The part count last seen for the person whose adjacency string is at this key. */
    int known(String adjacencyKey) {
        return counts.getOrDefault(adjacencyKey, 0);
    }

    void remember(GraphKeys keys, String id, int parts) {
        if (parts > 0) {
            counts.put(keys.adjacency(id), parts);
        } else {
            counts.remove(keys.adjacency(id));
        }
    }

    /** The key holding the person's line about {@code other}: a part, or the adjacency string when unsplit. */
    static String linesKey(GraphKeys keys, String id, String other, int parts) {
        return parts == 0 ? keys.adjacency(id) : keys.adjacencyPart(id, index(other, parts));
    }

    static List<String> partKeys(GraphKeys keys, String id, int parts) {
        List<String> partKeys = new ArrayList<>(parts);
        for (int k = 0; k < parts; k++) {
            partKeys.add(keys.adjacencyPart(id, k));
        }
        return partKeys;
    }

    /**
     * The keys of one MGET reading these people: each one's string, followed by the parts this replica believes
     * they have. {@link #take} reads the reply.
     */
    RingRead plan(GraphKeys keys, List<String> ids) {
        int[] assumed = new int[ids.size()];
        List<String> mget = new ArrayList<>(ids.size());
        boolean anySplit = !counts.isEmpty();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String key = keys.adjacency(id);
            int parts = anySplit ? counts.getOrDefault(key, 0) : 0;
            assumed[i] = parts;
            mget.add(key);
            for (int k = 0; k < parts; k++) {
                mget.add(keys.adjacencyPart(id, k));
            }
        }
        return new RingRead(keys, ids, assumed, mget);
    }

    /** One MGET's worth of people: the keys to read, and the reading of the reply. */
    final class RingRead {
        private final GraphKeys keys;
        private final List<String> ids;
        private final int[] assumed;
        private final List<String> mget;

        private RingRead(GraphKeys keys, List<String> ids, int[] assumed, List<String> mget) {
            this.keys = keys;
            this.ids = ids;
            this.assumed = assumed;
            this.mget = mget;
        }

        List<String> keys() {
            return mget;
        }

        /**
         * Each person's adjacency (null for someone with no string) from the reply of {@link #keys()} (at
         * {@code offset} of {@code values}); parts whose count was not known are read with one more MGET, and
         * {@code extraTrips[0]} counts it.
         */
        List<Adjacency> take(UnifiedJedis redis, List<String> values, int offset, int[] extraTrips) {
            List<Adjacency> result = new ArrayList<>(ids.size());
            List<Integer> missing = new ArrayList<>();
            int at = offset;
            for (int i = 0; i < ids.size(); i++) {
                String main = values.get(at);
                int parts = main == null ? 0 : countOf(main);
                if (main == null) {
                    result.add(null);
                } else if (parts == assumed[i]) {
                    result.add(new Adjacency(ids.get(i), main, values.subList(at + 1, at + 1 + parts)));
                } else {
                    result.add(new Adjacency(ids.get(i), main, List.of()));
                    if (parts > 0) {
                        missing.add(i);
                    }
                }
                if (parts != assumed[i]) {
                    remember(keys, ids.get(i), parts);
                }
                at += 1 + assumed[i];
            }
            if (!missing.isEmpty()) {
                // Read again with the counts now known (the string too, in case it was split once more meanwhile).
                List<String> again = missing.stream().map(ids::get).toList();
                RingRead retry = plan(keys, again);
                List<Adjacency> reread = retry.take(redis, redis.mget(retry.keys().toArray(String[]::new)), 0,
                        extraTrips);
                extraTrips[0]++;
                for (int m = 0; m < missing.size(); m++) {
                    result.set(missing.get(m), reread.get(m));
                }
            }
            return result;
        }
    }

    /** Reads these people's adjacency: one MGET, two when a part count was not known. */
    List<Adjacency> read(UnifiedJedis redis, GraphKeys keys, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        RingRead read = plan(keys, ids);
        return read.take(redis, redis.mget(read.keys().toArray(String[]::new)), 0, new int[1]);
    }
}
