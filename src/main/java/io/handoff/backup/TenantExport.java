package io.handoff.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.Tuple;
import tools.jackson.databind.json.JsonMapper;

import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;

/**
 * Writes a tenant as NDJSON ({@link BackupFormat}): a header line, one line per key of an exported family (in key
 * order, so the same data gives the same bytes), and a trailer with the record count. Only the key names are held in
 * memory (sorted); values are read {@code batchKeys} at a time in two pipelined round trips (type and absolute
 * expiry, then the values) and written out before the next batch is read.
 */
public final class TenantExport {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final UnifiedJedis redis;
    private final Clock clock;
    private final int batchKeys;

    public TenantExport(UnifiedJedis redis, Clock clock, BackupProperties properties) {
        this.redis = Objects.requireNonNull(redis);
        this.clock = Objects.requireNonNull(clock);
        this.batchKeys = properties.batchKeys();
    }

    /** The names (relative to the tenant prefix) of every key of the tenant's exported families, sorted. */
    public List<String> exportedNames(TenantId tenant) {
        String prefix = TenantKeys.prefix(tenant);
        TreeSet<String> names = new TreeSet<>();
        for (String key : keys(redis, tenant)) {
            String name = key.substring(prefix.length());
            if (KeyFamilies.exported(name)) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    /** Every key of the tenant, in no order (SCAN, on the node of the tenant's slot). */
    static List<String> keys(UnifiedJedis redis, TenantId tenant) {
        // braces are not glob characters; left as they are, they are the hash tag Cluster routes the scan by
        String pattern = TenantKeys.prefix(tenant).concat("*");
        ScanParams params = new ScanParams().match(pattern).count(1000);
        List<String> keys = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, params);
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }

    /** Streams the whole tenant to {@code out}; returns the number of records written. */
    public long write(TenantId tenant, OutputStream out) {
        List<String> names = exportedNames(tenant);
        String prefix = TenantKeys.prefix(tenant);
        try {
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("format", BackupFormat.FORMAT);
            header.put("version", BackupFormat.VERSION);
            header.put("tenant", tenant.value());
            header.put("exportedAt", clock.instant().toString());
            line(out, header);
            long records = 0;
            for (int from = 0; from < names.size(); from += batchKeys) {
                List<String> batch = names.subList(from, Math.min(names.size(), from + batchKeys));
                for (Map<String, Object> record : read(prefix, batch)) {
                    line(out, record);
                    records++;
                }
                out.flush();
            }
            Map<String, Object> trailer = new LinkedHashMap<>();
            trailer.put("end", true);
            trailer.put("records", records);
            line(out, trailer);
            out.flush();
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Map<String, Object>> read(String prefix, List<String> names) {
        List<Response<String>> types = new ArrayList<>(names.size());
        List<Response<Long>> expiries = new ArrayList<>(names.size());
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (String name : names) {
                types.add(pipeline.type(prefix + name));
                expiries.add(pipeline.pexpireTime(prefix + name));
            }
            pipeline.sync();
        }
        List<Response<?>> values = new ArrayList<>(names.size());
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (int i = 0; i < names.size(); i++) {
                String key = prefix + names.get(i);
                values.add(switch (types.get(i).get()) {
                    case "string" -> pipeline.get(key);
                    case "hash" -> pipeline.hgetAll(key);
                    case "set" -> pipeline.smembers(key);
                    case "zset" -> pipeline.zrangeWithScores(key, 0, -1);
                    case "list" -> pipeline.lrange(key, 0, -1);
                    case "none" -> null; // deleted since the scan
                    default -> throw new IllegalStateException("key " + key + " has a type an export does not hold: "
                            + types.get(i).get());
                });
            }
            pipeline.sync();
        }
        List<Map<String, Object>> records = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            Response<?> value = values.get(i);
            Object read = value == null ? null : value.get();
            if (read == null) {
                continue;
            }
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("key", names.get(i));
            String type = types.get(i).get();
            record.put("type", type);
            long expireAt = expiries.get(i).get();
            if (expireAt > 0) {
                record.put("expireAt", expireAt);
            }
            record.put("value", canonical(type, read));
            records.add(record);
        }
        return records;
    }

    @SuppressWarnings("unchecked")
    private static Object canonical(String type, Object value) {
        return switch (type) {
            case "hash" -> new TreeMap<>((Map<String, String>) value);
            case "set" -> new ArrayList<>(new TreeSet<>((java.util.Set<String>) value));
            case "zset" -> ((List<Tuple>) value).stream().map(t -> List.of(t.getElement(), t.getScore())).toList();
            default -> value;
        };
    }

    private static void line(OutputStream out, Object value) throws IOException {
        out.write(JSON.writeValueAsBytes(value));
        out.write('\n');
    }
}
