package io.handoff.msteams;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the files Teams messages link to: {@code GET /files/{token}}; 404 when gone. The link is verified before
 * the request gets here ({@link MsTeamsFilesSecurity}: altered or expired gets 403); the file it names is the principal.
 */
@RestController
@Conditional(MsTeamsConfiguration.TeamsConfigured.class)
class MsTeamsFilesController {
    private final MsTeamsFiles files;

    MsTeamsFilesController(MsTeamsFiles files) {
        this.files = files;
    }

    @GetMapping("/files/{token}")
    ResponseEntity<byte[]> file(@AuthenticationPrincipal MsTeamsFiles.FileLink link) {
        Optional<MsTeamsFiles.StoredFile> file = files.open(link);
        if (file.isEmpty()) {
            return text(HttpStatus.NOT_FOUND, "This file is no longer kept. Ask the bot again for a fresh one.");
        }
        MsTeamsFiles.StoredFile found = file.get();
        MediaType type;
        try {
            type = MediaType.parseMediaType(found.mediaType());
        } catch (IllegalArgumentException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        ContentDisposition disposition = (found.isImage() ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(found.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .body(found.content());
    }

    private static ResponseEntity<byte[]> text(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN)
                .body(message.getBytes(StandardCharsets.UTF_8));
    }
}
