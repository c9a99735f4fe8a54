package io.cxloop.engine.support;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** Reads what a customer would see in a received e-mail. */
public final class Emails {

    private Emails() {}

    /** The decoded plain-text part (or the whole body of a single-part message). */
    public static String text(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                if (body.isMimeType("text/plain") || body.isMimeType("multipart/*")) {
                    String text = text(body);
                    if (text != null) {
                        return text;
                    }
                }
            }
            return null;
        }
        return content.toString();
    }
}
