package io.cxloop.engine.offer;

import static io.cxloop.engine.persistence.JdbcTime.utc;

import io.cxloop.rules.model.Offer;
import io.cxloop.rules.model.OfferKind;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Issues personal offer codes such as {@code CX-7KQ2-M9PA}: random, from an alphabet without look-alike characters,
 * unique by the table's primary key. Only offers whose kind gives the customer something to redeem get one ({@link
 * #needsCode}); the others are recorded without a code, so that caps and budgets count them all the same.
 */
@Component
public class OfferCodes {

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int MAX_ATTEMPTS = 5;

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    public OfferCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether an offer of this kind comes with a code: a discount or free shipping is redeemed with one. */
    public static boolean needsCode(OfferKind kind) {
        return kind == OfferKind.DISCOUNT || kind == OfferKind.FREE_SHIPPING;
    }

    /**
     * Records an offer made without a code (content, a review or survey invitation) against its caps and budget.
     *
     * @return when the offer expires
     */
    public Instant recordWithoutCode(
            String customerId, String campaignId, String decisionId, String offerId, Offer offer, Instant now) {
        Instant expiresAt = now.plus(offer.validity());
        jdbc.sql(
                        """
                insert into offer_issue (issue_id, offer_id, customer_id, campaign_id, decision_id, issued_at,
                    expires_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        UUID.randomUUID().toString(),
                        offerId,
                        customerId,
                        campaignId,
                        decisionId,
                        utc(now),
                        utc(expiresAt))
                .update();
        return expiresAt;
    }

    /**
     * Issues a code.
     *
     * @param offerId the offer of the catalogue ({@code trigger:<key>} for a trigger's own offer) whose caps and
     *     budget the code counts against; null for none
     */
    public IssuedOfferCode issue(
            String customerId, String campaignId, String decisionId, String offerId, Offer offer, Instant now) {
        for (int attempt = 1; ; attempt++) {
            IssuedOfferCode issued = new IssuedOfferCode(
                    newCode(),
                    customerId,
                    campaignId,
                    decisionId,
                    offer.percent(),
                    offer.freeExpressShipping(),
                    now,
                    now.plus(offer.validity()));
            if (insert(issued, offerId)) {
                return issued;
            }
            // 32^8 codes make a collision rare; the insert skips a taken code, which keeps the transaction clean on
            // PostgreSQL without asking first
            if (attempt == MAX_ATTEMPTS) {
                throw new IllegalStateException("could not find a free offer code");
            }
        }
    }

    String newCode() {
        StringBuilder code = new StringBuilder("CX-");
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /** False when the code is taken (H2 runs in PostgreSQL mode, which knows {@code on conflict do nothing}). */
    private boolean insert(IssuedOfferCode code, String offerId) {
        return jdbc.sql(
                                """
                insert into offer_code (code, customer_id, campaign_id, decision_id, percent, free_express, issued_at,
                    expires_at, offer_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing""")
                        .params(
                                code.code(),
                                code.customerId(),
                                code.campaignId(),
                                code.decisionId(),
                                code.percent(),
                                code.freeExpressShipping(),
                                utc(code.issuedAt()),
                                utc(code.expiresAt()),
                                offerId)
                        .update()
                == 1;
    }
}
