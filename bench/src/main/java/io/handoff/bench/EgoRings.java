package io.handoff.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.handoff.graph.Handoff;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;

/**
 * The reads an ego map needs, worked out from the generated organisation rather than from Redis: ring 0 is the
 * centre, ring k everyone with a handoff (either way) to someone in ring k - 1 and not in an earlier ring, which is
 * what {@code RedisGraphStore.neighbourhood} reads ring by ring. {@link #reads} gives the keys of each MGET the store
 * sends for a map of a given depth (the first also carries the team directory's version token, as the store's does),
 * so the bare reads can be timed without decoding anything.
 */
final class EgoRings {
    private final TenantId tenant;
    private final int[][] neighbours;
    /** Part count of each person whose lines are split (adj-part keys), read from Redis by {@link #learnParts}. */
    private final java.util.Map<Integer, Integer> parts = new java.util.HashMap<>();

    private EgoRings(TenantId tenant, int[][] neighbours) {
        this.tenant = tenant;
        this.neighbours = neighbours;
    }

    /** People must be named {@code u0 … u(n-1)}, as {@link SyntheticOrg} names them. */
    static EgoRings of(TenantId tenant, List<Person> people, List<Handoff> edges) {
        int[] degree = new int[people.size()];
        for (Handoff edge : edges) {
            degree[index(edge.upstream())]++;
            degree[index(edge.downstream())]++;
        }
        int[][] neighbours = new int[people.size()][];
        for (int p = 0; p < neighbours.length; p++) {
            neighbours[p] = new int[degree[p]];
        }
        int[] filled = new int[people.size()];
        for (Handoff edge : edges) {
            int up = index(edge.upstream());
            int down = index(edge.downstream());
            neighbours[up][filled[up]++] = down;
            neighbours[down][filled[down]++] = up;
        }
        return new EgoRings(tenant, neighbours);
    }

    /** Rings 0 to {@code depth} around the centre (the last may be empty). */
    List<int[]> rings(PersonId centre, int depth) {
        boolean[] seen = new boolean[neighbours.length];
        int start = index(centre);
        seen[start] = true;
        List<int[]> rings = new ArrayList<>();
        rings.add(new int[] {start});
        for (int level = 1; level <= depth; level++) {
            int[] next = new int[16];
            int size = 0;
            for (int p : rings.get(level - 1)) {
                for (int q : neighbours[p]) {
                    if (!seen[q]) {
                        seen[q] = true;
                        if (size == next.length) {
                            next = Arrays.copyOf(next, size * 2);
                        }
                        next[size++] = q;
                    }
                }
            }
            rings.add(Arrays.copyOf(next, size));
        }
        return rings;
    }

    /**
     * The keys of the MGETs behind an ego map of this depth, one array per round trip: the team directory's version
     * token and the centre's adjacency string, then the strings of rings 1 to depth - 1 (the outermost ring is not
     * read: its people come with the lines that lead to them). Stops at an empty ring, as the store does.
     */
    List<String[]> reads(PersonId centre, int depth) {
        List<int[]> rings = rings(centre, depth - 1);
        List<String[]> reads = new ArrayList<>();
        reads.add(java.util.stream.Stream.concat(java.util.stream.Stream.of(TenantKeys.key(tenant, "teams-version")),
                adjacencyKeys(rings.get(0)[0])).toArray(String[]::new));
        for (int level = 1; level < depth && rings.get(level).length > 0; level++) {
            reads.add(Arrays.stream(rings.get(level)).boxed().flatMap(this::adjacencyKeys).toArray(String[]::new));
        }
        return reads;
    }

    /** How many people an ego map of this depth shows: rings 0 to depth. */
    int people(PersonId centre, int depth) {
        return rings(centre, depth).stream().mapToInt(ring -> ring.length).sum();
    }

    /** Learns from the stored strings whose lines are split into parts, so the bare reads read those parts too. */
    EgoRings learnParts(redis.clients.jedis.UnifiedJedis redis) {
        for (int p = 0; p < neighbours.length; p++) {
            String tail = redis.getrange(TenantKeys.key(tenant, "adj:u" + p), -16, -1);
            int marker = tail == null ? -1 : tail.lastIndexOf("\n#");
            if (marker >= 0) {
                parts.put(p, Integer.parseInt(tail.substring(marker + 2)));
            }
        }
        return this;
    }

    private java.util.stream.Stream<String> adjacencyKeys(int person) {
        int count = parts.getOrDefault(person, 0);
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(TenantKeys.key(tenant, "adj:u" + person)),
                java.util.stream.IntStream.range(0, count)
                        .mapToObj(k -> TenantKeys.key(tenant, "adj-part:u" + person + ":" + k)));
    }

    private static int index(PersonId id) {
        return Integer.parseInt(id.value().substring(1));
    }
}
