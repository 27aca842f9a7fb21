package io.handoff.backup;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Tenant export and import ({@code handoff.backup.*}).
 *
 * @param maxImportSize the largest export an import accepts (413 above it); {@code HANDOFF_BACKUP_MAX_IMPORT_SIZE}
 * @param batchKeys     keys read per pipeline by an export and written per Lua script by an import
 */
@ConfigurationProperties("handoff.backup")
public record BackupProperties(@DefaultValue("1GB") DataSize maxImportSize, @DefaultValue("200") int batchKeys) {
    public BackupProperties {
        if (maxImportSize.toBytes() < 1 || batchKeys < 1) {
            throw new IllegalArgumentException("handoff.backup.max-import-size and batch-keys must be positive");
        }
    }

    public static BackupProperties defaults() {
        return new BackupProperties(DataSize.ofGigabytes(1), 200);
    }
}
