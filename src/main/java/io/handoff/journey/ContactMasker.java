package io.handoff.journey;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks email addresses and phone numbers in a customer's words before anyone sees them (the sender's preview
 * included; the unmasked words are never stored).
 *
 * <p>The rule:
 * <ul>
 *   <li>An <b>email</b> is {@code local@domain.tld} (letters, digits and {@code . _ % + -} before the {@code @}, a
 *       dotted domain with a top-level part of two or more letters). It becomes {@value #EMAIL}.</li>
 *   <li>A <b>phone number</b> is a run of digits, optionally led by {@code +} or an opening parenthesis, whose
 *       groups are separated by at most two of space, {@code .}, {@code -}, {@code (} and {@code )}, holding 7 to 15
 *       digits (E.164's maximum), and that is either international ({@code +44 20 7946 0958},
 *       {@code +1 (555) 123-4567}), or written in groups ({@code (555) 123-4567}, {@code 0171 2345678},
 *       {@code 555.123.4567}), or a national number in one block starting with the trunk prefix 0 with 10 to 12
 *       digits ({@code 07946095800}). It becomes {@value #PHONE}.</li>
 *   <li>Never masked: dates ({@code 2026-12-05}, {@code 05/12/2026}, {@code 5.12.26}: year-month-day or
 *       day-month-year shapes with a real month), times ({@code 10:30}), references led by {@code #} or joined to
 *       letters ({@code #123456}, {@code ORD-12345678}, {@code AB1234567}), amounts led by a currency sign
 *       ({@code £1 250 000}), and plain numbers in one block that do not start with 0 ({@code 12345678}: an order or
 *       tracking number as often as not). A number right next to letters is never a phone.</li>
 * </ul>
 * Dates and references are set aside first (replaced by letters of the same length in a working copy), so a phone
 * number can never swallow them and they are never masked themselves.
 */
public final class ContactMasker {
    public static final String EMAIL = "[email removed]";
    public static final String PHONE = "[phone number removed]";

    private static final Pattern EMAIL_PATTERN = Pattern.compile(
            "[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
                    + "\\.[A-Za-z]{2,}");
    private static final Pattern ISO_DATE = Pattern.compile("(?<!\\d)(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)");
    private static final Pattern DAY_FIRST_DATE = Pattern.compile(
            "(?<!\\d)(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{2}|\\d{4})(?!\\d)");
    private static final Pattern TIME = Pattern.compile("(?<!\\d)\\d{1,2}:\\d{2}(?::\\d{2})?(?!\\d)");
    private static final Pattern REFERENCE = Pattern.compile(
            "#[\\p{L}\\p{N}-]+|[\\p{L}][\\p{L}_]*[-_/]?\\d[\\p{L}\\p{N}_/-]*|[£$€¥₹]\\s?\\d[\\d ,.]*");
    private static final Pattern PHONE_CANDIDATE = Pattern.compile(
            "(?<![\\p{L}\\p{N}_@#])[+(]?\\d(?:[ ().-]{0,2}\\d)+\\)?(?![\\p{L}\\p{N}_])");

    private ContactMasker() {
    }

    /** The masked text and how many emails and phone numbers were masked. */
    public record Masked(String text, int emails, int phones) {
        public boolean changed() {
            return emails + phones > 0;
        }
    }

    public static Masked mask(String text) {
        if (text == null || text.isEmpty()) {
            return new Masked(text == null ? "" : text, 0, 0);
        }
        Matcher emails = EMAIL_PATTERN.matcher(text);
        StringBuilder withoutEmails = new StringBuilder();
        int emailCount = 0;
        while (emails.find()) {
            emails.appendReplacement(withoutEmails, Matcher.quoteReplacement(EMAIL));
            emailCount++;
        }
        emails.appendTail(withoutEmails);
        String rest = withoutEmails.toString();

        char[] work = rest.toCharArray();
        setAside(work, rest, ISO_DATE, true);
        setAside(work, rest, DAY_FIRST_DATE, false);
        setAside(work, rest, TIME, null);
        setAside(work, rest, REFERENCE, null);
        String working = new String(work);

        List<int[]> phones = new ArrayList<>();
        Matcher candidates = PHONE_CANDIDATE.matcher(working);
        while (candidates.find()) {
            if (isPhone(candidates.group())) {
                phones.add(new int[] {candidates.start(), candidates.end()});
            }
        }
        StringBuilder masked = new StringBuilder();
        int at = 0;
        for (int[] phone : phones) {
            masked.append(rest, at, phone[0]).append(PHONE);
            at = phone[1];
        }
        masked.append(rest.substring(at));
        return new Masked(masked.toString(), emailCount, phones.size());
    }

    /** {@code yearFirst}: true for year-month-day, false for day-month-year (either order of day and month), null: always. */
    private static void setAside(char[] work, String text, Pattern pattern, Boolean yearFirst) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (yearFirst != null && !realDate(m, yearFirst)) {
                continue;
            }
            for (int i = m.start(); i < m.end(); i++) {
                work[i] = 'x';
            }
        }
    }

    private static boolean realDate(Matcher m, boolean yearFirst) {
        int a = Integer.parseInt(m.group(yearFirst ? 2 : 1));
        int b = Integer.parseInt(m.group(yearFirst ? 3 : 2));
        if (yearFirst) {
            return a >= 1 && a <= 12 && b >= 1 && b <= 31;
        }
        return a >= 1 && b >= 1 && ((a <= 31 && b <= 12) || (a <= 12 && b <= 31));
    }

    static boolean isPhone(String candidate) {
        String digits = candidate.replaceAll("\\D", "");
        if (digits.length() < 7 || digits.length() > 15) {
            return false;
        }
        if (candidate.startsWith("+")) {
            return digits.length() >= 8;
        }
        boolean grouped = !candidate.chars().allMatch(Character::isDigit);
        if (grouped) {
            return true;
        }
        return digits.startsWith("0") && digits.length() >= 10 && digits.length() <= 12;
    }
}
