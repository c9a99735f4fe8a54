package io.cxloop.engine.offer;

import static io.cxloop.engine.persistence.JdbcTime.utc;

import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.ValueSegment;
import io.cxloop.rules.nba.Propensity;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What offers achieved: one row per decision that made an offer (or held the customer out of it), converted or not.
 * Campaigns record theirs when they end; systems that asked for a decision over the API report theirs. The
 * propensities of the arbitration are learned from the treated rows per offer × segment × channel; the control rows
 * (customers held out of an offer) only measure the offer's uplift.
 */
@Repository
public class OfferOutcomes {

    public static final String TREATED = "TREATED";
    public static final String CONTROL = "CONTROL";

    private final JdbcClient jdbc;
    private final PropensityProperties prior;

    public OfferOutcomes(JdbcClient jdbc, PropensityProperties prior) {
        this.jdbc = jdbc;
        this.prior = prior;
    }

    /**
     * Records the outcome of the offer a campaign sent, once: its last decision that sent a message names the offer
     * and the channel. A campaign that never sent a message records nothing.
     *
     * @return whether an outcome was recorded now
     */
    public boolean recordCampaign(String campaignId, ValueSegment segment, boolean converted, Instant at) {
        return jdbc.sql(
                                """
                insert into offer_outcome (decision_id, campaign_id, offer_id, segment, channel, offer_group, converted,
                    recorded_at)
                select d.decision_id, d.campaign_id, d.offer_id, ?, d.channel, 'TREATED', ?, ?
                from decision d
                where d.campaign_id = ? and d.offer_id is not null and d.channel is not null
                  and exists (select 1 from outbox_message m
                              where m.customer_id = d.customer_id and m.decision_id = d.decision_id)
                  and not exists (select 1 from offer_outcome o where o.campaign_id = d.campaign_id)
                order by d.decided_at desc fetch first 1 rows only""")
                        .params(segment.name(), converted, utc(at), campaignId)
                        .update()
                > 0;
    }

    /**
     * Records, once, the outcome of a campaign whose customer was held out of the chosen offer's control group: the
     * offer's control, for its uplift. A campaign held out by its trigger (or not at all) records nothing.
     *
     * @return whether an outcome was recorded now
     */
    public boolean recordCampaignControl(String campaignId, ValueSegment segment, boolean converted, Instant at) {
        return jdbc.sql(
                                """
                insert into offer_outcome (decision_id, campaign_id, offer_id, segment, channel, offer_group, converted,
                    recorded_at)
                select d.decision_id, d.campaign_id, d.offer_id, ?, null, 'CONTROL', ?, ?
                from decision d
                where d.campaign_id = ? and d.offer_id is not null and d.offer_group = 'CONTROL'
                  and not exists (select 1 from offer_outcome o where o.campaign_id = d.campaign_id)
                order by d.decided_at desc fetch first 1 rows only""")
                        .params(segment.name(), converted, utc(at), campaignId)
                        .update()
                > 0;
    }

    /** The outcome of one decision as recorded. */
    public record Recorded(
            String decisionId, String offerId, Channel channel, String group, boolean converted, String outcome) {}

    /** The outcome recorded for a decision, if any. */
    public Optional<Recorded> ofDecision(String decisionId) {
        return jdbc.sql("select * from offer_outcome where decision_id = ?")
                .param(decisionId)
                .query((rs, n) -> new Recorded(
                        rs.getString("decision_id"),
                        rs.getString("offer_id"),
                        rs.getString("channel") == null ? null : Channel.valueOf(rs.getString("channel")),
                        rs.getString("offer_group"),
                        rs.getBoolean("converted"),
                        rs.getString("outcome")))
                .optional();
    }

    /**
     * Records the outcome of a decision without a campaign (asked for over the API), as the calling system reports it.
     *
     * @param channel the channel the offer went on; null for a customer held out of the offer
     * @param group {@link #TREATED} or {@link #CONTROL}
     * @return false when the decision has an outcome already (nothing changed)
     */
    public boolean recordDecision(
            String decisionId,
            String offerId,
            ValueSegment segment,
            Channel channel,
            String group,
            boolean converted,
            String outcome,
            Instant at) {
        return jdbc.sql(
                                """
                insert into offer_outcome (decision_id, campaign_id, offer_id, segment, channel, offer_group, converted,
                    outcome, recorded_at)
                select ?, null, ?, ?, ?, ?, ?, ?, ? from (values (1)) as one (x)
                where not exists (select 1 from offer_outcome o where o.decision_id = ?)""")
                        .params(
                                decisionId,
                                offerId,
                                segment.name(),
                                channel == null ? null : channel.name(),
                                group,
                                converted,
                                outcome,
                                utc(at),
                                decisionId)
                        .update()
                > 0;
    }

    /** The propensity of an offer for a segment on each channel: the prior plus the recorded outcomes. */
    public Map<Channel, Propensity> propensities(String offerId, ValueSegment segment) {
        Map<Channel, Propensity> propensities = new EnumMap<>(Channel.class);
        Propensity start = Propensity.prior(prior.alpha(), prior.beta());
        for (Channel channel : Channel.values()) {
            propensities.put(channel, start);
        }
        jdbc.sql(
                        """
                select channel, count(*) as impressions, sum(case when converted then 1 else 0 end) as conversions
                from offer_outcome where offer_id = ? and segment = ? and offer_group = 'TREATED'
                    and channel is not null
                group by channel""")
                .params(offerId, segment.name())
                .query((rs, n) -> {
                    Channel channel = Channel.valueOf(rs.getString("channel"));
                    propensities.put(channel, start.observe(rs.getLong("conversions"), rs.getLong("impressions")));
                    return channel;
                })
                .list();
        return propensities;
    }
}
