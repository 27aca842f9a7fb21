package io.handoff.teams;

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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves the files Teams messages link to: {@code GET /files/{token}}; 403 altered/expired, 404 gone. */
@RestController
@Conditional(TeamsConfiguration.TeamsConfigured.class)
class TeamsFilesController {
    private final TeamsFiles files;

    TeamsFilesController(TeamsFiles files) {
        this.files = files;
    }

    @GetMapping("/files/{token}")
    ResponseEntity<byte[]> file(@PathVariable String token) {
        Optional<TeamsFiles.StoredFile> file;
        try {
            file = files.open(token);
        } catch (TeamsFiles.InvalidFileLink e) {
            return text(HttpStatus.FORBIDDEN, e.getMessage());
        }
        if (file.isEmpty()) {
            return text(HttpStatus.NOT_FOUND, "This file is no longer kept. Ask the bot again for a fresh one.");
        }
        TeamsFiles.StoredFile found = file.get();
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
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .body(found.content());
    }

    private static ResponseEntity<byte[]> text(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN)
                .body(message.getBytes(StandardCharsets.UTF_8));
    }
}
