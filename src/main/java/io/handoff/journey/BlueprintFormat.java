package io.handoff.journey;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The files a blueprint exports to: its data (JSON, CSV), a Mermaid flowchart, and its picture (SVG, PNG). */
public enum BlueprintFormat {
    JSON("json", "application/json"),
    CSV("csv", "text/csv; charset=utf-8"),
    MERMAID("mmd", "text/vnd.mermaid; charset=utf-8"),
    SVG("svg", "image/svg+xml"),
    PNG("png", "image/png");

    private final String extension;
    private final String mediaType;

    BlueprintFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** {@code json}, {@code csv}, {@code mermaid}, {@code svg}, {@code png}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<BlueprintFormat> parse(String word) {
        if (word == null) {
            return Optional.empty();
        }
        String wanted = word.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.word().equals(wanted) || f.extension.equals(wanted)).findFirst();
    }

    public static String words() {
        return Arrays.stream(values()).map(BlueprintFormat::word).collect(Collectors.joining(", "));
    }
}
