package io.handoff.security;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one WARN line of every refused request: why, the method, the path (printable ASCII only, at most 200
 * characters, signed link tokens replaced by {@code <token>}) and the client address. Never a credential.
 */
public final class SecurityLog {
    private static final Logger log = LoggerFactory.getLogger(SecurityLog.class);
    private static final int MAX_PATH = 200;

    private SecurityLog() {
    }

    public static void refused(HttpServletRequest request, String reason) {
        log.warn("Refused {} {} from {}: {}", sanitise(request.getMethod(), 16), path(request),
                request.getRemoteAddr(), reason);
    }

    /** The request's path as it arrived (before any decoding), safe to log. */
    public static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String redacted = uri == null ? "" : uri.replaceFirst("^(/(?:maps|files|blueprints)/)[^/]+", "$1<token>");
        return sanitise(redacted, MAX_PATH);
    }

    /** Printable ASCII only (anything else becomes {@code ?}), cut to {@code max} characters. */
    public static String sanitise(String value, int max) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), max) + 1);
        for (int i = 0; i < value.length() && out.length() < max; i++) {
            char c = value.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        if (value.length() > max) {
            out.append('…');
        }
        return out.toString();
    }
}
