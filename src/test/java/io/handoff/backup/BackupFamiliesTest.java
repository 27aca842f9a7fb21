package io.handoff.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every tenant key family docs/ARCHITECTURE.md lists (the families RedisKeyFamiliesTest keeps equal to the code) has a
 * backup policy in {@link KeyFamilies}, and the document's backup table says the same: a new family (the SCIM token
 * hash, say) fails here until someone decides whether an export holds it.
 */
class BackupFamiliesTest {
    private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\| `handoff:\\{[a-z]+}:([^`]+)`");
    private static final Pattern BACKUP_ROW = Pattern.compile("(?m)^\\| `([a-z-]+)` \\| (exported|ephemeral|secret) \\|");

    @Test
    void everyDocumentedFamilyHasABackupPolicyAndTheDocumentStatesIt() throws Exception {
        String document = Files.readString(Path.of("docs/ARCHITECTURE.md"));
        Set<String> documented = new TreeSet<>();
        Matcher rows = TABLE_ROW.matcher(document);
        while (rows.find()) {
            documented.add(KeyFamilies.familyOf(rows.group(1)));
        }
        assertThat(KeyFamilies.all().keySet()).as("families with a backup policy").isEqualTo(documented);

        Matcher backup = BACKUP_ROW.matcher(document);
        Set<String> stated = new TreeSet<>();
        while (backup.find()) {
            stated.add(backup.group(1));
            assertThat(backup.group(2)).as(backup.group(1))
                    .isEqualTo(KeyFamilies.all().get(backup.group(1)).name().toLowerCase(java.util.Locale.ROOT));
        }
        assertThat(stated).as("families in ARCHITECTURE.md's backup table").isEqualTo(documented);
    }
}
