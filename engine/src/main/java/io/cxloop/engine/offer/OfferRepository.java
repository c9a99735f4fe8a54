package io.cxloop.engine.offer;

import static io.cxloop.engine.persistence.JdbcTime.utc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxloop.rules.nba.CandidateOffer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The offer catalogue: one row per offer with its definition as JSON; a deleted offer keeps its row (and its id). */
@Repository
public class OfferRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    private static final String TRIGGER_OFFER_PREFIX = CandidateOffer.triggerOfferId("");

    public OfferRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<CatalogueOffer> findAll() {
        return jdbc
                .sql("select definition from offer where deleted = false order by offer_id")
                .query(String.class)
                .list()
                .stream()
                .map(this::read)
                .toList();
    }

    /** The offer if it is in the catalogue and not deleted; a trigger's own offer ({@code trigger:<key>}) never is. */
    public Optional<CatalogueOffer> find(String offerId) {
        if (offerId == null || offerId.startsWith(TRIGGER_OFFER_PREFIX)) {
            // a catalogue id is lower-case letters, digits and dashes (OfferRequest): no need to ask the database
            return Optional.empty();
        }
        return jdbc.sql("select definition from offer where offer_id = ? and deleted = false")
                .param(offerId)
                .query(String.class)
                .optional()
                .map(this::read);
    }

    /** Whether an offer with this id was ever created, also when deleted since. */
    public boolean everExisted(String offerId) {
        return jdbc.sql("select count(*) from offer where offer_id = ?")
                        .param(offerId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public void insert(CatalogueOffer offer) {
        if (everExisted(offer.offerId())) {
            jdbc.sql("update offer set definition = ?, deleted = false, updated_at = ? where offer_id = ?")
                    .params(write(offer), utc(offer.updatedAt()), offer.offerId())
                    .update();
            return;
        }
        jdbc.sql("insert into offer (offer_id, definition, deleted, updated_at) values (?, ?, false, ?)")
                .params(offer.offerId(), write(offer), utc(offer.updatedAt()))
                .update();
    }

    /** False when there is no such offer (or it is deleted). */
    public boolean update(CatalogueOffer offer) {
        return jdbc.sql("update offer set definition = ?, updated_at = ? where offer_id = ? and deleted = false")
                        .params(write(offer), utc(offer.updatedAt()), offer.offerId())
                        .update()
                == 1;
    }

    public boolean markDeleted(String offerId, Instant at) {
        return jdbc.sql("update offer set deleted = true, updated_at = ? where offer_id = ? and deleted = false")
                        .params(utc(at), offerId)
                        .update()
                == 1;
    }

    /** Issues of the offer to every customer, with a code or without: what its budget counts. */
    public long issues(String offerId) {
        return jdbc.sql(
                        """
                select (select count(*) from offer_code where offer_id = ?)
                    + (select count(*) from offer_issue where offer_id = ?)""")
                .params(offerId, offerId)
                .query(Long.class)
                .single();
    }

    /**
     * Issues of the offer to one customer since then (null: ever), with a code or without: what its customer cap
     * counts.
     */
    public int issuesTo(String offerId, String customerId, Instant since) {
        return since == null
                ? jdbc.sql(
                                """
                        select (select count(*) from offer_code where offer_id = ? and customer_id = ?)
                            + (select count(*) from offer_issue where offer_id = ? and customer_id = ?)""")
                        .params(offerId, customerId, offerId, customerId)
                        .query(Integer.class)
                        .single()
                : jdbc.sql(
                                """
                        select (select count(*) from offer_code where offer_id = ? and customer_id = ? and issued_at > ?)
                            + (select count(*) from offer_issue where offer_id = ? and customer_id = ? and issued_at > ?)""")
                        .params(offerId, customerId, utc(since), offerId, customerId, utc(since))
                        .query(Integer.class)
                        .single();
    }

    private CatalogueOffer read(String definition) {
        try {
            return json.readValue(definition, CatalogueOffer.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored offer is unreadable", e);
        }
    }

    private String write(CatalogueOffer offer) {
        try {
            return json.writeValueAsString(offer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
