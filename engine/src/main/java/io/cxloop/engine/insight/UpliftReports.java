package io.cxloop.engine.insight;

import static io.cxloop.engine.persistence.JdbcTime.utc;

import io.cxloop.engine.campaign.Holdout;
import io.cxloop.engine.trigger.TriggerRepository;
import io.cxloop.engine.web.InvalidFieldException;
import io.cxloop.processes.reconnect.CampaignOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Treated versus control conversions of a reconnect trigger (see {@link UpliftReport}). */
@Service
public class UpliftReports {

    private final JdbcClient jdbc;
    private final TriggerRepository triggers;

    UpliftReports(JdbcClient jdbc, TriggerRepository triggers) {
        this.jdbc = jdbc;
        this.triggers = triggers;
    }

    @Transactional(readOnly = true)
    public UpliftReport uplift(String trigger, ReportPeriod period) {
        if (trigger == null || trigger.isBlank()) {
            throw new InvalidFieldException("trigger", "must name a reconnect trigger, e.g. cart-abandoned");
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
                    if (outcome.equals(
                            (control ? CampaignOutcome.CONVERTED_IN_CONTROL : CampaignOutcome.CONVERTED_AFTER_CONTACT)
                                    .name())) {
                        counts[control ? 3 : 1] += n;
                    }
                });
        return UpliftReport.of(trigger, period, counts[0], counts[1], counts[2], counts[3], counts[4]);
    }
}
