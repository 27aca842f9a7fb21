package io.handoff.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.handoff.redis.LuaScript;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * Moves a tenant's graph from the layout before adjacency strings (a {@code person:<id>} hash per person,
 * {@code out:<id>} and {@code in:<id>} hashes of encoded edges, a {@code cards} hash) to one adjacency string per
 * person. Run at start-up for every tenant; safe to run again at any point, also after a crash half-way: strings are
 * written only where missing, and the old keys are deleted only once every person has a string.
 */
final class AdjacencyUpgrade {
    private static final LuaScript WRITE = LuaScript.load(AdjacencyUpgrade.class, "upgrade.lua");
    private static final int BATCH = 200;

    private final UnifiedJedis redis;

    AdjacencyUpgrade(UnifiedJedis redis) {
        this.redis = redis;
    }

    /** Returns how many adjacency strings were written (0 when the tenant is already in the new layout). */
    int run(TenantId tenant) {
        GraphKeys keys = new GraphKeys(tenant);
        // Quick look first, as this runs at every start: the old layout always leaves the cards hash (deleted last)
        // or, from before cards existed, a person hash for everyone.
        String anyone = redis.srandmember(keys.people());
        if (anyone == null || !redis.exists(keys.legacyCards()) && !redis.exists(keys.legacyPerson(anyone))) {
            return 0;
        }
        List<String> ids = redis.smembers(keys.people()).stream().filter(Identifier::isValid).sorted().toList();
        List<Response<Map<String, String>>> persons = new ArrayList<>(ids.size());
        List<Response<String>> adjacency = new ArrayList<>(ids.size());
        Response<Boolean> cardsLeft;
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (String id : ids) {
                persons.add(pipeline.hgetAll(keys.legacyPerson(id)));
                adjacency.add(pipeline.get(keys.adjacency(id)));
            }
            cardsLeft = pipeline.exists(keys.legacyCards());
            pipeline.sync();
        }
        Map<String, String> cards = new HashMap<>();
        boolean legacy = cardsLeft.get();
        for (int i = 0; i < ids.size(); i++) {
            Map<String, String> fields = persons.get(i).get();
            String text = adjacency.get(i).get();
            if (!fields.isEmpty()) {
                legacy = true;
                cards.put(ids.get(i), legacyCard(fields));
            } else if (text != null) {
                cards.put(ids.get(i), AdjacencyCodec.cardOf(text));
            }
        }
        if (!legacy) {
            return 0;
        }
        int written = 0;
        for (int from = 0; from < ids.size(); from += BATCH) {
            written += writeBatch(keys, ids.subList(from, Math.min(ids.size(), from + BATCH)), persons, adjacency,
                    cards, from);
        }
        deleteLegacyKeys(keys, ids);
        return written;
    }

    private int writeBatch(GraphKeys keys, List<String> batch, List<Response<Map<String, String>>> persons,
                           List<Response<String>> adjacency, Map<String, String> cards, int offset) {
        List<Response<Map<String, String>>> outs = new ArrayList<>(batch.size());
        List<Response<Map<String, String>>> ins = new ArrayList<>(batch.size());
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (String id : batch) {
                outs.add(pipeline.hgetAll(keys.legacyOut(id)));
                ins.add(pipeline.hgetAll(keys.legacyIn(id)));
            }
            pipeline.sync();
        }
        List<String> scriptKeys = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            String id = batch.get(i);
            if (adjacency.get(offset + i).get() != null || persons.get(offset + i).get().isEmpty()) {
                continue;
            }
            StringBuilder text = new StringBuilder(cards.get(id));
            appendLines(text, AdjacencyCodec.OUT, outs.get(i).get(), cards);
            appendLines(text, AdjacencyCodec.IN, ins.get(i).get(), cards);
            scriptKeys.add(keys.adjacency(id));
            texts.add(text.toString());
        }
        return scriptKeys.isEmpty() ? 0 : (int) (long) (Long) WRITE.run(redis, scriptKeys, texts);
    }

    /** Lines in the order of the other's id; an edge to someone no longer stored (left dangling) is dropped. */
    private static void appendLines(StringBuilder text, char direction, Map<String, String> edges,
                                    Map<String, String> cards) {
        new TreeMap<>(edges).forEach((other, encoded) -> {
            String card = cards.get(other);
            if (card != null) {
                text.append(AdjacencyCodec.line(direction, other, encoded, AdjacencyCodec.summary(card)));
            }
        });
    }

    /**
     * Deletes the old keys, the cards hash last: until it is gone the quick look at start-up sees an unfinished
     * upgrade (data from before cards existed gets one first, so that holds for it too).
     */
    private void deleteLegacyKeys(GraphKeys keys, List<String> ids) {
        redis.hsetnx(keys.legacyCards(), "upgrade", "unfinished");
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (int from = 0; from < ids.size(); from += BATCH) {
                List<String> legacyKeys = new ArrayList<>();
                for (String id : ids.subList(from, Math.min(ids.size(), from + BATCH))) {
                    legacyKeys.addAll(List.of(keys.legacyPerson(id), keys.legacyOut(id), keys.legacyIn(id)));
                }
                pipeline.unlink(legacyKeys.toArray(String[]::new));
            }
            pipeline.unlink(keys.legacyCards());
            pipeline.sync();
        }
    }

    /** The card of a person hash of the old layout (fields name, email, team, tz, id:&lt;platform&gt;). */
    static String legacyCard(Map<String, String> fields) {
        StringBuilder card = new StringBuilder(96).append(fields.getOrDefault("name", ""))
                .append('\t').append(fields.getOrDefault("email", ""))
                .append('\t').append(fields.getOrDefault("team", ""))
                .append('\t').append(fields.getOrDefault("tz", "UTC"));
        for (Platform platform : Platform.values()) {
            card.append('\t').append(fields.getOrDefault("id:" + platform.code(), ""));
        }
        return card.toString();
    }
}
