package io.cxloop.engine.decision;

import static io.cxloop.engine.persistence.JdbcTime.instant;
import static io.cxloop.engine.persistence.JdbcTime.utc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.Offer;
import io.cxloop.rules.nba.ActionType;
import io.cxloop.rules.nba.Explanation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DecisionRepository {

    /** A decision's {@code offer_group} when the customer is held out of its offer. */
    private static final String OFFER_CONTROL = "CONTROL";

    private static final TypeReference<List<Explanation>> EXPLANATIONS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public DecisionRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Records a decision.
     *
     * @param inputFacts the facts the rules saw, as JSON, for replaying them through another rule-set version
     */
    public void insert(StoredDecision decision, String inputFacts) {
        Offer offer = decision.offer();
        jdbc.sql(
                        """
                insert into decision (decision_id, customer_id, campaign_id, action, channel, offer_percent,
                    offer_validity, offer_free_express, rule_set_version, explanations, decided_at, input_facts, not_before,
                    offer_id, score, contact_policy_version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        decision.decisionId(),
                        decision.customerId(),
                        decision.campaignId(),
                        decision.action().name(),
                        decision.channel() == null ? null : decision.channel().name(),
                        offer == null ? null : offer.percent(),
                        offer == null ? null : offer.validity().toString(),
                        offer == null ? null : offer.freeExpressShipping(),
                        decision.ruleSetVersion(),
                        write(decision.explanations()),
                        utc(decision.decidedAt()),
                        inputFacts,
                        utc(decision.notBefore()),
                        decision.offerId(),
                        decision.score(),
                        decision.contactPolicyVersion())
                .update();
    }

    /**
     * Turns a decision into no action for a customer held out as control: the channel and offer the rules chose are
     * dropped (nothing is sent), their reasons stay, and {@code why} is added.
     */
    public void holdOut(String decisionId, Explanation why) {
        holdOut(decisionId, why, null);
    }

    /**
     * Like {@link #holdOut(String, Explanation)} for a customer held out of the chosen catalogue offer's control
     * group: the decision keeps the offer's id and is marked as the offer's control, whose outcome is recorded for it.
     */
    public void holdOutOfOffer(String decisionId, Explanation why) {
        holdOut(decisionId, why, OFFER_CONTROL);
    }

    /** Whether the decision held the customer out of its offer ({@link #holdOutOfOffer}). */
    public boolean heldOutOfOffer(String decisionId) {
        return jdbc.sql("select count(*) from decision where decision_id = ? and offer_group = ?")
                        .params(decisionId, OFFER_CONTROL)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private void holdOut(String decisionId, Explanation why, String offerGroup) {
        StoredDecision decision =
                find(decisionId).orElseThrow(() -> new IllegalStateException("no decision " + decisionId));
        List<Explanation> explanations = new java.util.ArrayList<>(decision.explanations());
        explanations.add(why);
        jdbc.sql(
                        """
                update decision set action = ?, channel = null, offer_percent = null, offer_validity = null,
                    offer_free_express = null, not_before = null, explanations = ?, offer_group = ?
                where decision_id = ?""")
                .params(ActionType.NO_ACTION.name(), write(explanations), offerGroup, decisionId)
                .update();
    }

    public Optional<StoredDecision> find(String decisionId) {
        return jdbc.sql("select * from decision where decision_id = ?")
                .param(decisionId)
                .query(this::map)
                .optional();
    }

    public List<StoredDecision> findByCustomer(String customerId) {
        return jdbc.sql("select * from decision where customer_id = ? order by decided_at desc")
                .param(customerId)
                .query(this::map)
                .list();
    }

    /** A decision's id, customer and time with the facts it was made on (JSON). */
    public record RecordedInput(String decisionId, String customerId, Instant decidedAt, String inputFacts) {}

    /**
     * Decisions of a rule set (by the rule-set name its versions are labelled with, e.g. {@code next-best-action}) in
     * {@code [from, to)} that recorded their facts, oldest first.
     */
    public List<RecordedInput> inputsBetween(String ruleSet, Instant from, Instant to, int limit) {
        return jdbc.sql(
                        """
                select decision_id, customer_id, decided_at, input_facts from decision
                where decided_at >= ? and decided_at < ? and input_facts is not null and rule_set_version like ?
                order by decided_at, decision_id fetch first ? rows only""")
                .params(utc(from), utc(to), ruleSet + "@%", limit)
                .query((rs, n) -> new RecordedInput(
                        rs.getString("decision_id"),
                        rs.getString("customer_id"),
                        instant(rs, "decided_at"),
                        rs.getString("input_facts")))
                .list();
    }

    private StoredDecision map(ResultSet rs, int row) throws SQLException {
        String channel = rs.getString("channel");
        String validity = rs.getString("offer_validity");
        Offer offer = validity == null
                ? null
                : new Offer(rs.getInt("offer_percent"), Duration.parse(validity), rs.getBoolean("offer_free_express"));
        return new StoredDecision(
                rs.getString("decision_id"),
                rs.getString("customer_id"),
                rs.getString("campaign_id"),
                ActionType.valueOf(rs.getString("action")),
                channel == null ? null : Channel.valueOf(channel),
                offer,
                rs.getString("rule_set_version"),
                read(rs.getString("explanations")),
                instant(rs, "decided_at"),
                instant(rs, "not_before"),
                rs.getString("offer_id"),
                score(rs),
                rs.getString("contact_policy_version"));
    }

    private static Double score(ResultSet rs) throws SQLException {
        double score = rs.getDouble("score");
        return rs.wasNull() ? null : score;
    }

    private String write(List<Explanation> explanations) {
        try {
            return json.writeValueAsString(explanations);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Explanation> read(String explanations) {
        try {
            return json.readValue(explanations, EXPLANATIONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored explanations are unreadable", e);
        }
    }
}
