package io.cxloop.engine.campaign;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Who is held out of a trigger as control: deterministic by customer and trigger, so a customer is always in the same
 * group of a trigger (on every node, after every restart, in every campaign), and independent between triggers.
 *
 * <p>The customer's position is the first 64 bits of SHA-256({@code customerId + '\n' + triggerKey}) read as a
 * fraction in [0, 1); the customer is held out when the position is below the trigger's control share. Raising the
 * share only moves treated customers into control, never the other way. Catalogue offers have control groups of their
 * own the same way ({@link #offerGroupOf}).
 */
public final class Holdout {

    public static final String TREATED = "TREATED";
    public static final String CONTROL = "CONTROL";

    private static final String OFFER_NAMESPACE = "offer:";

    private static final double TWO_TO_THE_64 = 18446744073709551616.0;

    private Holdout() {}

    /** The customer's position for a trigger, in [0, 1). */
    public static double position(String customerId, String triggerKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((customerId + "\n" + triggerKey).getBytes(StandardCharsets.UTF_8));
            long bits = ByteBuffer.wrap(hash, 0, Long.BYTES).getLong();
            double unsigned = bits >= 0 ? bits : bits + TWO_TO_THE_64;
            return Math.min(unsigned / TWO_TO_THE_64, Math.nextDown(1.0));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * {@link #CONTROL} or {@link #TREATED} of a catalogue offer: the position is taken in a namespace of its own
     * ({@code offer:<offerId>}, which no trigger key can be), so a customer's group of an offer is independent of their
     * group of every trigger and of every other offer.
     */
    public static String offerGroupOf(String customerId, String offerId, BigDecimal controlShare) {
        return groupOf(customerId, OFFER_NAMESPACE + offerId, controlShare);
    }

    /** {@link #CONTROL} or {@link #TREATED}. */
    public static String groupOf(String customerId, String triggerKey, BigDecimal controlShare) {
        return controlShare != null
                        && controlShare.signum() > 0
                        && position(customerId, triggerKey) < controlShare.doubleValue()
                ? CONTROL
                : TREATED;
    }
}
