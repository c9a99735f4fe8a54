package io.cxloop.engine.insight;

import static io.cxloop.engine.persistence.JdbcTime.utc;

import io.cxloop.engine.campaign.Holdout;
import io.cxloop.engine.offer.OfferOutcomes;
import io.cxloop.engine.offer.OfferRepository;
import io.cxloop.engine.trigger.TriggerRepository;
import io.cxloop.engine.web.InvalidFieldException;
import io.cxloop.processes.reconnect.CampaignOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Treated versus control conversions of a reconnect trigger or a catalogue offer (see {@link UpliftReport}). */
@Service
public class UpliftReports {

    private final JdbcClient jdbc;
    private final TriggerRepository triggers;
    private final OfferRepository offers;

    UpliftReports(JdbcClient jdbc, TriggerRepository triggers, OfferRepository offers) {
        this.jdbc = jdbc;
        this.triggers = triggers;
        this.offers = offers;
    }

    /** The report of the trigger or of the offer: exactly one of them is named. */
    @Transactional(readOnly = true)
    public UpliftReport uplift(String trigger, String offer, ReportPeriod period) {
        boolean byOffer = offer != null && !offer.isBlank();
        if (byOffer && trigger != null && !trigger.isBlank()) {
            throw new InvalidFieldException("offer", "name either a trigger or an offer, not both");
        }
        return byOffer ? ofOffer(offer, period) : uplift(trigger, period);
    }

    /**
     * The offer's report: decisions of the period that chose it and have an outcome, treated (the offer was made)
     * versus control (held out by the offer's controlShare).
     */
    @Transactional(readOnly = true)
    public UpliftReport ofOffer(String offer, ReportPeriod period) {
        if (!offers.everExisted(offer)) {
            throw new InvalidFieldException("offer", "no offer " + offer + " in the catalogue");
        }
        long[] counts = new long[4];
        jdbc.sql(
                        """
                select o.offer_group, o.converted, count(*) as decisions
                from offer_outcome o join decision d on d.decision_id = o.decision_id
                where o.offer_id = :offer and d.decided_at >= :from and d.decided_at < :to
                group by o.offer_group, o.converted""")
                .param("offer", offer)
                .param("from", utc(period.from()))
                .param("to", utc(period.to()))
                .query(rs -> {
                    int group = OfferOutcomes.CONTROL.equals(rs.getString("offer_group")) ? 2 : 0;
                    long n = rs.getLong("decisions");
                    counts[group] += n;
                    if (rs.getBoolean("converted")) {
                        counts[group + 1] += n;
                    }
                });
        // decisions that made the offer (or held the customer out of it) and wait for their outcome: a running
        // campaign's, or one asked for over the API that its system has not reported on yet
        long running = jdbc.sql(
                        """
                select count(*) from decision d
                where d.offer_id = :offer and d.decided_at >= :from and d.decided_at < :to
                    and (d.offer_group = 'CONTROL' or (d.action <> 'NO_ACTION' and d.channel is not null))
                    and not exists (select 1 from offer_outcome o where o.decision_id = d.decision_id)
                    and (d.campaign_id is null
                        or exists (select 1 from campaign c where c.campaign_id = d.campaign_id and c.outcome is null))""")
                .param("offer", offer)
                .param("from", utc(period.from()))
                .param("to", utc(period.to()))
                .query(Long.class)
                .single();
        return UpliftReport.ofOffer(offer, period, counts[0], counts[1], counts[2], counts[3], running);
    }

    @Transactional(readOnly = true)
    public UpliftReport uplift(String trigger, ReportPeriod period) {
        if (trigger == null || trigger.isBlank()) {
            throw new InvalidFieldException(
                    "trigger", "must name a reconnect trigger, e.g. cart-abandoned (or offer= a catalogue offer)");
        }
        if (!triggers.everExisted(trigger)) {
            throw new InvalidFieldException("trigger", "no trigger " + trigger);
        }
        long[] counts = new long[5];
        jdbc.sql(
                        """
                select holdout_group, outcome, count(*) as campaigns from campaign
                where trigger_key = :trigger and holdout_group is not null
                    and started_at >= :from and started_at < :to
                group by holdout_group, outcome""")
                .param("trigger", trigger)
                .param("from", utc(period.from()))
                .param("to", utc(period.to()))
                .query(rs -> {
                    String group = rs.getString("holdout_group");
                    String outcome = rs.getString("outcome");
                    long n = rs.getLong("campaigns");
                    boolean control = Holdout.CONTROL.equals(group);
                    if (outcome == null) {
                        counts[4] += n;
                        return;
                    }
                    counts[control ? 2 : 0] += n;
                    // a treated customer held out of the chosen offer's own control group converts "in control"
                    // too: the trigger's treated group is everyone the trigger's policy applied to
                    if (outcome.equals(CampaignOutcome.CONVERTED_IN_CONTROL.name())
                            || outcome.equals(CampaignOutcome.CONVERTED_AFTER_CONTACT.name())) {
                        counts[control ? 3 : 1] += n;
                    }
                });
        return UpliftReport.of(trigger, period, counts[0], counts[1], counts[2], counts[3], counts[4]);
    }
}
