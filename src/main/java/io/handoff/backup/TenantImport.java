package io.handoff.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.handoff.graph.GraphStore;
import io.handoff.graph.Refusal;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import io.handoff.redis.LuaScript;
import io.handoff.scheduler.Scheduler;

/**
 * Restores a tenant export ({@link BackupFormat}) into an empty tenant of the same id. The upload is copied to a
 * temporary file as it arrives (at most {@code max-import-size}, else {@link ImportTooLargeException}), then read
 * twice, a line at a time: the first pass checks everything (format and version, tenant, every key in an exported
 * family, value shapes, key order, the trailer's count) and refuses with the line's number before anything is
 * written; the second writes {@code batchKeys} keys per Lua script ({@code restore.lua}, all keys in the tenant's
 * slot, all or nothing per batch). Then the global registry is rebuilt: the tenant set and platform index from the
 * restored tenant hash ({@link GraphStore#register}) and, when jobs were restored, the scheduler's tenant set.
 */
public final class TenantImport {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LuaScript RESTORE = LuaScript.load(TenantImport.class, "restore.lua");

    private final UnifiedJedis redis;
    private final GraphStore graph;
    private final Scheduler scheduler;
    private final BackupProperties properties;

    public TenantImport(UnifiedJedis redis, GraphStore graph, Scheduler scheduler, BackupProperties properties) {
        this.redis = Objects.requireNonNull(redis);
        this.graph = Objects.requireNonNull(graph);
        this.scheduler = Objects.requireNonNull(scheduler);
        this.properties = Objects.requireNonNull(properties);
    }

    /** What an import restored. */
    public record Restored(TenantId tenant, long records, int batches) {
    }

    /** Refuses (409) when the tenant already has data; cheap enough to call before reading an upload. */
    public void requireEmpty(TenantId tenant) {
        if (!TenantExport.keys(redis, tenant).isEmpty()) {
            throw new TenantNotEmptyException(tenant);
        }
    }

    public Restored restore(TenantId tenant, InputStream upload) {
        requireEmpty(tenant);
        Path file = null;
        try {
            file = Files.createTempFile("handoff-import-", ".ndjson");
            spool(upload, file);
            long records = check(tenant, file);
            requireEmpty(tenant);
            int batches = write(tenant, file);
            graph.register(tenant);
            return new Restored(tenant, records, batches);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind is the OS's to clean
                }
            }
        }
    }

    private void spool(InputStream upload, Path file) throws IOException {
        long limit = properties.maxImportSize().toBytes();
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            int read;
            while ((read = upload.read(buffer)) >= 0) {
                total += read;
                if (total > limit) {
                    throw new ImportTooLargeException(limit);
                }
                out.write(buffer, 0, read);
            }
        }
    }

    /** The first pass: every line checked, nothing written; returns the number of records. */
    private long check(TenantId tenant, Path file) throws IOException {
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            checkHeader(tenant, lines.readLine());
            long records = 0;
            long number = 1;
            String previous = null;
            boolean tenantRecord = false;
            String line;
            while ((line = lines.readLine()) != null) {
                number++;
                JsonNode node = parse(line, number);
                if (node.has("end")) {
                    if (node.path("records").asLong(-1) != records) {
                        throw refusal(number, "the trailer counts " + node.path("records") + " records, the file holds "
                                + records);
                    }
                    if (lines.readLine() != null) {
                        throw refusal(number + 1, "nothing may follow the trailer");
                    }
                    if (!tenantRecord) {
                        throw new Refusal("the export holds no tenant record (key 'tenant'); nothing was written");
                    }
                    return records;
                }
                Entry entry = entry(node, number);
                if (previous != null && entry.name().compareTo(previous) <= 0) {
                    throw refusal(number, "key '" + entry.name() + "' is out of order or repeated");
                }
                previous = entry.name();
                tenantRecord |= entry.name().equals("tenant");
                records++;
            }
            throw new Refusal("the export ends without its trailer line (cut off?); nothing was written");
        }
    }

    private static void checkHeader(TenantId tenant, String line) {
        if (line == null) {
            throw new Refusal("the export is empty; nothing was written");
        }
        JsonNode header = parse(line, 1);
        if (!BackupFormat.FORMAT.equals(header.path("format").asString(null))) {
            throw refusal(1, "this is not a Handoff tenant export (format must be '" + BackupFormat.FORMAT + "')");
        }
        int version = header.path("version").asInt(-1);
        if (version != BackupFormat.VERSION) {
            throw refusal(1, "export format version " + header.path("version") + " is not supported; this Handoff "
                    + "reads version " + BackupFormat.VERSION);
        }
        String exported = header.path("tenant").asString(null);
        if (!tenant.value().equals(exported)) {
            throw refusal(1, "the export is of tenant '" + exported + "', not '" + tenant + "'; an export is restored "
                    + "into the tenant it came from");
        }
    }

    /** One checked record. */
    private record Entry(String name, String type, long expireAt, List<String> values) {
    }

    private static Entry entry(JsonNode node, long number) {
        String name = node.path("key").asString(null);
        if (name == null || name.isEmpty() || name.chars().anyMatch(c -> c < 0x21 || c == '{' || c == '}')) {
            throw refusal(number, "a record needs a key name without spaces, braces or control characters");
        }
        if (!KeyFamilies.exported(name)) {
            throw refusal(number, "key '" + name + "' is not in a key family a tenant export holds ("
                    + KeyFamilies.policy(name).map(p -> p.name().toLowerCase(java.util.Locale.ROOT))
                    .orElse("unknown family '" + KeyFamilies.familyOf(name) + "'") + ")");
        }
        long expireAt = node.path("expireAt").asLong(0);
        if (node.has("expireAt") && (!node.get("expireAt").isIntegralNumber() || expireAt <= 0)) {
            throw refusal(number, "expireAt of '" + name + "' must be epoch milliseconds");
        }
        String type = node.path("type").asString("");
        JsonNode value = node.get("value");
        List<String> values = new ArrayList<>();
        boolean shaped = switch (type) {
            case "string" -> value != null && value.isString() && values.add(value.asString());
            case "hash" -> value != null && value.isObject() && !value.isEmpty() && fields(value, values);
            case "set", "list" -> value != null && value.isArray() && !value.isEmpty() && strings(value, values);
            case "zset" -> value != null && value.isArray() && !value.isEmpty() && scored(value, values);
            default -> false;
        };
        if (!shaped) {
            throw refusal(number, "key '" + name + "' has no value of a type an export holds (string, hash, set, "
                    + "zset, list)");
        }
        return new Entry(name, type, expireAt, values);
    }

    private static boolean fields(JsonNode value, List<String> out) {
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            if (!field.getValue().isString()) {
                return false;
            }
            out.add(field.getKey());
            out.add(field.getValue().asString());
        }
        return true;
    }

    private static boolean strings(JsonNode value, List<String> out) {
        for (JsonNode item : value) {
            if (!item.isString()) {
                return false;
            }
            out.add(item.asString());
        }
        return true;
    }

    private static boolean scored(JsonNode value, List<String> out) {
        for (JsonNode pair : value) {
            if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isString() || !pair.get(1).isNumber()) {
                return false;
            }
            out.add(Double.toString(pair.get(1).asDouble()));
            out.add(pair.get(0).asString());
        }
        return true;
    }

    /** The second pass: the checked records, {@code batchKeys} keys per script. */
    private int write(TenantId tenant, Path file) throws IOException {
        int batches = 0;
        boolean jobs = false;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines.readLine();
            List<String> keys = new ArrayList<>();
            List<String> args = new ArrayList<>();
            String line;
            long number = 1;
            while ((line = lines.readLine()) != null) {
                number++;
                JsonNode node = parse(line, number);
                if (node.has("end")) {
                    break;
                }
                Entry entry = entry(node, number);
                jobs |= KeyFamilies.familyOf(entry.name()).equals("jobs");
                keys.add(TenantKeys.key(tenant, entry.name()));
                args.add(entry.type());
                args.add(Long.toString(entry.expireAt()));
                args.add(Integer.toString(entry.values().size()));
                args.addAll(entry.values());
                if (keys.size() == properties.batchKeys()) {
                    run(tenant, keys, args);
                    batches++;
                    keys.clear();
                    args.clear();
                }
            }
            if (!keys.isEmpty()) {
                run(tenant, keys, args);
                batches++;
            }
        }
        if (jobs) {
            scheduler.adopt(tenant);
        }
        return batches;
    }

    private void run(TenantId tenant, List<String> keys, List<String> args) {
        try {
            RESTORE.run(redis, keys, args);
        } catch (JedisDataException e) {
            if (String.valueOf(e.getMessage()).contains("EXISTS")) {
                throw new TenantNotEmptyException(tenant);
            }
            throw e;
        }
    }

    private static JsonNode parse(String line, long number) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject()) {
                throw refusal(number, "each line must be one JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw refusal(number, "not valid JSON");
        }
    }

    private static Refusal refusal(long line, String why) {
        return new Refusal("line " + line + ": " + why + "; nothing was written");
    }
}
