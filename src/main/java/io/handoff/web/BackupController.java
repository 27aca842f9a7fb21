package io.handoff.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.handoff.backup.BackupFormat;
import io.handoff.backup.BackupProperties;
import io.handoff.backup.ImportTooLargeException;
import io.handoff.backup.TenantExport;
import io.handoff.backup.TenantImport;
import io.handoff.graph.GraphStore;
import io.handoff.graph.TenantId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /api/v1/tenants/{tenant}/export}: the whole tenant as NDJSON, streamed ({@link TenantExport});
 * {@code POST /api/v1/tenants/{tenant}/import}: restores such an export into the empty tenant it came from
 * ({@link TenantImport}): 400 for a wrong format, version, tenant or key (nothing written), 409 when the tenant has
 * data, 413 above {@code handoff.backup.max-import-size}.
 */
@RestController
@Tag(name = "Backup", description = "Tenant export and import")
@RequestMapping("/api/v1/tenants/{tenant}")
class BackupController {
    private static final MediaType NDJSON = MediaType.parseMediaType(BackupFormat.MEDIA_TYPE);

    private final GraphStore graph;
    private final TenantExport export;
    private final TenantImport restore;
    private final BackupProperties properties;

    BackupController(GraphStore graph, TenantExport export, TenantImport restore, BackupProperties properties) {
        this.graph = graph;
        this.export = export;
        this.restore = restore;
        this.properties = properties;
    }

    @Operation(operationId = "exportTenant", summary = "The whole tenant as NDJSON, streamed (a backup)")
    @ApiResponse(responseCode = "200", description = "a header line with the format version, one line per record, "
            + "a closing line", content = @Content(mediaType = BackupFormat.MEDIA_TYPE))
    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String tenant) {
        TenantId id = TenantId.of(tenant);
        if (graph.tenant(id).isEmpty()) {
            throw new NotFoundException("no tenant '" + id + "'");
        }
        return ResponseEntity.ok().contentType(NDJSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + ".ndjson\"")
                .body(out -> export.write(id, out));
    }

    @Operation(operationId = "importTenant", summary = "Restores an export into the empty tenant it came from",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = BackupFormat.MEDIA_TYPE)))
    @ApiResponse(responseCode = "200", description = "restored: the tenant, records and batches written")
    @ApiResponse(responseCode = "400", description = "a wrong format, version, tenant, key or value; nothing written")
    @ApiResponse(responseCode = "409", description = "the tenant has data")
    @ApiResponse(responseCode = "413", description = "above HANDOFF_BACKUP_MAX_IMPORT_SIZE")
    @PostMapping("/import")
    ResponseEntity<Map<String, Object>> restore(@PathVariable String tenant, HttpServletRequest request)
            throws IOException {
        TenantId id = TenantId.of(tenant);
        long length = request.getContentLengthLong();
        if (length > properties.maxImportSize().toBytes()) {
            throw new ImportTooLargeException(properties.maxImportSize().toBytes());
        }
        restore.requireEmpty(id);
        try (InputStream body = request.getInputStream()) {
            TenantImport.Restored restored = restore.restore(id, body);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("tenant", restored.tenant().value());
            answer.put("records", restored.records());
            answer.put("batches", restored.batches());
            return ResponseEntity.ok(answer);
        }
    }
}
