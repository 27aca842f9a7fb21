package io.handoff.journey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Emails and phone numbers in a customer's words are masked; dates, times, order numbers and amounts are not. */
class ContactMaskerTest {

    @ParameterizedTest
    @ValueSource(strings = {"+44 20 7946 0958", "+44 (0)20 7946 0958", "(555) 123-4567", "0171 2345678",
            "555-123-4567", "555.123.4567", "+1 (555) 123-4567", "+1-555-123-4567", "+33 1 23 45 67 89",
            "+49 30 901820", "+91 98765 43210", "00 44 20 7946 0958", "07946095800", "+447946095800", "555 1234"})
    void phoneNumbersInManyFormatsAreMasked(String phone) {
        ContactMasker.Masked masked = ContactMasker.mask("Call me on " + phone + ", please.");

        assertThat(masked.text()).isEqualTo("Call me on " + ContactMasker.PHONE + ", please.");
        assertThat(masked.phones()).isEqualTo(1);
        assertThat(masked.emails()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-05", "05/12/2026", "5.12.26", "12/31/2026", "2026/1/7", "#123456",
            "order #123456", "ORD-12345678", "AB1234567", "12345678", "10:30", "at 10:30:15", "£1 250 000",
            "$ 12,500", "1,234,567", "3 parcels", "2026"})
    void datesTimesOrderNumbersAndAmountsAreLeftAlone(String text) {
        ContactMasker.Masked masked = ContactMasker.mask("It was " + text + " and still no parcel.");

        assertThat(masked.text()).isEqualTo("It was " + text + " and still no parcel.");
        assertThat(masked.changed()).isFalse();
    }

    @Test
    void emailsAreMaskedWholeAndCounted() {
        ContactMasker.Masked masked = ContactMasker.mask("Write to jo.bloggs+parcels@mail.example.co.uk or "
                + "ANN_99@example.com.");

        assertThat(masked.text()).isEqualTo("Write to " + ContactMasker.EMAIL + " or " + ContactMasker.EMAIL + ".");
        assertThat(masked.emails()).isEqualTo(2);
    }

    @Test
    void aPhoneNextToADateAndAnOrderNumberIsMaskedAloneWithoutSwallowingThem() {
        ContactMasker.Masked masked = ContactMasker.mask(
                "Order #123456 was due 2026-12-05. I rang +44 20 7946 0958 on 06/12/2026 at 10:30, twice.");

        assertThat(masked.text()).isEqualTo("Order #123456 was due 2026-12-05. I rang " + ContactMasker.PHONE
                + " on 06/12/2026 at 10:30, twice.");
        assertThat(masked.phones()).isEqualTo(1);
    }

    @Test
    void aNumberJoinedToLettersOrTooLongIsNoPhone() {
        assertThat(ContactMasker.mask("tracking JD014600003828 and 1234567890123456789").changed()).isFalse();
    }

    @Test
    void emptyAndPlainTextPassThrough() {
        assertThat(ContactMasker.mask("").text()).isEmpty();
        assertThat(ContactMasker.mask("The driver was kind.").text()).isEqualTo("The driver was kind.");
    }
}
