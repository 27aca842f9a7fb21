package io.handoff.map.export;

/** Escaping for the text formats; people's names and "what" texts may contain anything (maps and blueprints). */
public final class TextEscapes {
    private TextEscapes() {
    }

    /** Inside a DOT double-quoted string: backslash, quote and line breaks. */
    public static String dot(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : xmlSafe(text).toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> { }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Inside a Mermaid quoted label: entity codes for the characters Mermaid would read as syntax. */
    public static String mermaid(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : xmlSafe(text).toCharArray()) {
            switch (c) {
                case '"' -> out.append("#quot;");
                case '#' -> out.append("#35;");
                case '<' -> out.append("#lt;");
                case '>' -> out.append("#gt;");
                case '&' -> out.append("#amp;");
                case '|' -> out.append("#124;");
                case '`' -> out.append("#96;");
                case '%' -> out.append("#37;");
                case '\n', '\r', '\t' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Drops the characters XML 1.0 cannot hold at all (control characters other than tab and line breaks). */
    public static String xmlSafe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (allowed) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** A CSV cell a spreadsheet will not run as a formula. */
    public static String csvCell(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }

    /** A Backstage entity name: letters, digits and - _ . between letters or digits, at most 63 characters. */
    public static String backstageName(String id) {
        String cleaned = id.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
        cleaned = cleaned.length() > 63 ? cleaned.substring(0, 63).replaceAll("[^A-Za-z0-9]+$", "") : cleaned;
        return cleaned.isEmpty() ? "team" : cleaned;
    }
}
