package io.handoff.msteams;

import java.util.regex.Pattern;

/**
 * The shapes of the ids Teams sends, checked where an activity enters: Microsoft 365 tenant and Entra object ids are
 * GUIDs; user, bot, conversation, channel and team ids ({@code 29:1wR7…}, {@code 28:<app id>},
 * {@code 19:ab12…@thread.tacv2;messageid=1575667808184}, {@code a:1ftB…}) are printable ASCII without blanks, angle
 * brackets, quotes or braces, at most {@value #MAX_ID} characters.
 */
final class MsTeamsIds {
    static final int MAX_ID = 512;
    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9!#$%&'()*+,\\-./:;=?@\\[\\]_~]{1," + MAX_ID + "}");

    private MsTeamsIds() {
    }

    static boolean isGuid(String value) {
        return value != null && GUID.matcher(value).matches();
    }

    static boolean isId(String value) {
        return value != null && ID.matcher(value).matches();
    }
}
