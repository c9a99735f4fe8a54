package io.cxloop.connectors.sms;

import java.util.regex.Pattern;

/** Phone numbers as gateways and call centers take them: E.164, e.g. {@code +4917012345678}. */
public final class PhoneNumbers {

    // ITU-T E.164: a country code that does not start with 0, at most 15 digits in all
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private PhoneNumbers() {}

    public static boolean isE164(String number) {
        return number != null && E164.matcher(number).matches();
    }
}
