package io.cxloop.engine.offer;

import static io.cxloop.engine.persistence.JdbcTime.utc;

import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.ValueSegment;
import io.cxloop.rules.nba.Propensity;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What offers achieved: one row per campaign that sent an offer, converted (the goal followed the message while the
 * offer held) or not. The propensities of the arbitration are learned from these rows per offer × segment × channel.
 */
@Repository
public class OfferOutcomes {

    private final JdbcClient jdbc;
    private final PropensityProperties prior;

    public OfferOutcomes(JdbcClient jdbc, PropensityProperties prior) {
        this.jdbc = jdbc;
        this.prior = prior;
    }

    /**
     * Records the outcome of a campaign's offer once: the campaign's offer code names the offer and its decision the
     * channel. A campaign without an offer code (it never sent one) records nothing.
     *
     * @return whether an outcome was recorded now
     */
    public boolean recordCampaign(String campaignId, ValueSegment segment, boolean converted, Instant at) {
        return jdbc.sql(
                                """
                insert into offer_outcome (campaign_id, offer_id, segment, channel, converted, recorded_at)
                select c.campaign_id, d.offer_id, ?, d.channel, ?, ?
                from offer_code c join decision d on d.decision_id = c.decision_id
                where c.campaign_id = ? and d.offer_id is not null and d.channel is not null
                  and not exists (select 1 from offer_outcome o where o.campaign_id = c.campaign_id)
                order by c.issued_at desc fetch first 1 rows only""")
                        .params(segment.name(), converted, utc(at), campaignId)
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
                from offer_outcome where offer_id = ? and segment = ? group by channel""")
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
