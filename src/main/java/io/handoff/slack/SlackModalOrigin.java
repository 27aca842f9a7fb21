package io.handoff.slack;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The message a modal was opened from, carried in the modal's {@code private_metadata} so that its submission can
 * replace that message (a question answered through a small form no longer offers its buttons). What is carried is
 * the {@code response_url} of the button press that opened the modal, in front of the core's form state:
 * {@code origin:<url>\n<state>}. A core state that itself starts with {@code origin:} is carried as
 * {@code origin:\n<state>}, so reading it back is never ambiguous; Slack's limit of 3,000 characters holds (without
 * room for the URL the modal carries only the state, and its submission answers with a new message).
 *
 * <p>A URL is posted to only when it is one of Slack's own response URLs ({@link #trusted}): the configured base
 * ({@code https://hooks.slack.com/}), the same scheme, host and port, no user info, query or fragment, and a plain
 * path of letters, digits, {@code /}, {@code _} and {@code -} under the base's path. The metadata comes back in a
 * signed request, but it is checked again before every post, so a forged or altered one can never make Handoff post
 * an answer elsewhere.
 */
final class SlackModalOrigin {
    static final int MAX_METADATA = 3000;
    static final String DEFAULT_BASE = "https://hooks.slack.com/";
    private static final String PREFIX = "origin:";
    private static final Pattern PLAIN_PATH = Pattern.compile("[A-Za-z0-9/_-]+");

    private final URI base;

    SlackModalOrigin(String base) {
        String given = base == null || base.isBlank() ? DEFAULT_BASE : base.endsWith("/") ? base : base + "/";
        this.base = URI.create(given);
        if (this.base.getScheme() == null || this.base.getHost() == null) {
            throw new IllegalArgumentException("the Slack response URL base must be an absolute URL: " + given);
        }
    }

    /** What the modal carries: the form's state, with the response URL in front when it is trusted and fits. */
    String wrap(String state, String responseUrl) {
        String core = Objects.requireNonNullElse(state, "");
        if (responseUrl != null && trusted(responseUrl)) {
            String wrapped = PREFIX + responseUrl + "\n" + core;
            if (wrapped.length() <= MAX_METADATA) {
                return wrapped;
            }
        }
        return stateOnly(core);
    }

    /** What a modal opened from nowhere in particular (a command, a Home tab) carries: the state alone. */
    static String stateOnly(String state) {
        String core = Objects.requireNonNullElse(state, "");
        return core.startsWith(PREFIX) ? PREFIX + "\n" + core : core;
    }

    /** The form's state and the response URL of the message it was opened from, if one was carried. */
    record Carried(String state, Optional<String> responseUrl) {
    }

    static Carried unwrap(String metadata) {
        String value = Objects.requireNonNullElse(metadata, "");
        int end = value.indexOf('\n');
        if (!value.startsWith(PREFIX) || end < 0) {
            return new Carried(value, Optional.empty());
        }
        String url = value.substring(PREFIX.length(), end);
        return new Carried(value.substring(end + 1), url.isEmpty() ? Optional.empty() : Optional.of(url));
    }

    /** Whether {@code url} is a response URL of Slack's (under the configured base) that Handoff may post to. */
    boolean trusted(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException notAUrl) {
            return false;
        }
        String path = uri.getRawPath();
        return uri.isAbsolute() && !uri.isOpaque()
                && base.getScheme().equalsIgnoreCase(uri.getScheme())
                && uri.getHost() != null && base.getHost().toLowerCase(Locale.ROOT).equals(uri.getHost().toLowerCase(Locale.ROOT))
                && port(base) == port(uri)
                && uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null
                && path != null && PLAIN_PATH.matcher(path).matches() && !path.contains("//")
                && path.startsWith(base.getRawPath()) && path.length() > base.getRawPath().length();
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
    }
}
