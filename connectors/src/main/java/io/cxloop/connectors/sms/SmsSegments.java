package io.cxloop.connectors.sms;

/**
 * How many SMS a text costs. A text that fits the GSM 03.38 alphabet is sent as GSM-7: 160 characters in one SMS,
 * 153 per part when it is split (the extension characters such as {@code €} or {@code [} count twice); any other
 * character makes the whole text UCS-2: 70 UTF-16 units in one SMS, 67 per part.
 *
 * @param encoding {@link Encoding#GSM_7} or {@link Encoding#UCS_2}
 * @param units septets (GSM-7) or UTF-16 code units (UCS-2)
 * @param segments how many SMS the text is sent as (0 for an empty text)
 */
public record SmsSegments(Encoding encoding, int units, int segments) {

    public enum Encoding {
        GSM_7,
        UCS_2
    }

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

    public static SmsSegments of(String text) {
        String value = text == null ? "" : text;
        int septets = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (GSM_BASIC.indexOf(c) >= 0) {
                septets += 1;
            } else if (GSM_EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                return new SmsSegments(Encoding.UCS_2, value.length(), segments(value.length(), 70, 67));
            }
        }
        return new SmsSegments(Encoding.GSM_7, septets, segments(septets, 160, 153));
    }

    private static int segments(int units, int single, int perPart) {
        if (units == 0) {
            return 0;
        }
        return units <= single ? 1 : (units + perPart - 1) / perPart;
    }
}
