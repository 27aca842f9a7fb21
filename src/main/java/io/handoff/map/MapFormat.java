package io.handoff.map;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The forms a map can take: pictures and exports of the same scope. */
public enum MapFormat {
    PNG("png", "image/png", true),
    SVG("svg", "image/svg+xml", true),
    DOT("dot", "text/vnd.graphviz; charset=utf-8", false),
    MERMAID("mmd", "text/vnd.mermaid; charset=utf-8", false),
    CSV("csv", "text/csv; charset=utf-8", false),
    GRAPHML("graphml", "application/graphml+xml; charset=utf-8", false),
    GEXF("gexf", "application/gexf+xml; charset=utf-8", false),
    JSON("json", "application/json", false),
    BACKSTAGE("yaml", "application/yaml; charset=utf-8", false),
    TEAM_API("yaml", "application/yaml; charset=utf-8", false);

    private final String extension;
    private final String mediaType;
    private final boolean picture;

    MapFormat(String extension, String mediaType, boolean picture) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.picture = picture;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public boolean picture() {
        return picture;
    }

    /** The name people type: png, svg, dot, mermaid, csv, graphml, gexf, json, backstage, team-api. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static MapFormat parse(String word) {
        String wanted = word == null ? "" : word.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (MapFormat format : values()) {
            if (format.word().equals(wanted) || (format == MERMAID && wanted.equals("mmd"))
                    || (format == TEAM_API && wanted.equals("teamapi"))) {
                return format;
            }
        }
        throw new MapRequestException("'" + word + "' is not a map format; choose one of " + words());
    }

    public static String words() {
        return Arrays.stream(values()).map(MapFormat::word).collect(Collectors.joining(", "));
    }
}
