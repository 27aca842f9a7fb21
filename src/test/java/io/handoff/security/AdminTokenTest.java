package io.handoff.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** Issue 19 (first run): a local run keeps its generated admin token in the data folder and prints it on its own line. */
class AdminTokenTest {

    @TempDir
    Path data;

    @Test
    void aConfiguredTokenIsUsedAndATooShortOneRefused() {
        assertThat(AdminToken.fromConfiguration("a-configured-token-1234", Optional.of(data.resolve("admin-token")))
                .matches("a-configured-token-1234")).isTrue();
        assertThat(data.resolve("admin-token")).doesNotExist();
        assertThatThrownBy(() -> AdminToken.fromConfiguration("short")).hasMessageContaining("at least 16");
    }

    @Test
    void aGeneratedTokenIsWrittenForItsOwnerOnlyAndKeptAcrossRestarts() throws Exception {
        Path file = data.resolve("admin-token");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(AdminToken.class);
        logger.addAppender(logged);
        logged.start();
        try {
            AdminToken.fromConfiguration(null, Optional.of(file));
        } finally {
            logger.detachAppender(logged);
        }
        String token = Files.readString(file).strip();

        assertThat(token).hasSizeGreaterThanOrEqualTo(40);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(logged.list).singleElement().satisfies(event ->
                assertThat(event.getFormattedMessage()).endsWith(":\n" + token).contains(file.toString()));
        AdminToken afterRestart = AdminToken.fromConfiguration("", Optional.of(file));
        assertThat(afterRestart.matches(token)).isTrue();
        assertThat(afterRestart.matches(token + "x")).isFalse();
    }

    @Test
    void anUnreadableKeptTokenIsReplacedAndWithoutAFileTheTokenLastsOneRun() throws Exception {
        Path file = data.resolve("admin-token");
        Files.writeString(file, "too short\n");
        AdminToken.fromConfiguration(null, Optional.of(file));
        String replaced = Files.readString(file).strip();
        assertThat(replaced).isNotEqualTo("too short").hasSizeGreaterThanOrEqualTo(40);

        AdminToken once = AdminToken.fromConfiguration(null);
        assertThat(once.matches(replaced)).isFalse();
    }
}
