package io.cxloop.engine.campaign;

import static io.cxloop.engine.persistence.JdbcTime.instant;
import static io.cxloop.engine.persistence.JdbcTime.utc;

import io.cxloop.processes.reconnect.CampaignOutcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CampaignRepository {

    private final JdbcClient jdbc;

    public CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Campaign campaign) {
        jdbc.sql(
                        """
                insert into campaign (campaign_id, customer_id, trigger_key, trigger_version, event_id,
                    process_instance_id, started_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        campaign.campaignId(),
                        campaign.customerId(),
                        campaign.triggerKey(),
                        campaign.triggerVersion(),
                        campaign.eventId(),
                        campaign.processInstanceId(),
                        utc(campaign.startedAt()))
                .update();
    }

    /** Records the outcome once; a second call (e.g. a retried job) leaves the first outcome. */
    public void end(String campaignId, CampaignOutcome outcome, Instant at) {
        jdbc.sql("update campaign set outcome = ?, ended_at = ? where campaign_id = ? and outcome is null")
                .params(outcome.name(), utc(at), campaignId)
                .update();
    }

    /**
     * Puts a campaign into its holdout group once; a later call (a decision again after a failed delivery) keeps the
     * first.
     *
     * @return the campaign's group
     */
    public String assignHoldoutGroup(String campaignId, String group) {
        int assigned = jdbc.sql("update campaign set holdout_group = ? where campaign_id = ? and holdout_group is null")
                .params(group, campaignId)
                .update();
        if (assigned == 1) {
            return group;
        }
        // assigned before (a decision after a delivery failure): the group stays what it was
        return jdbc.sql("select holdout_group from campaign where campaign_id = ?")
                .param(campaignId)
                .query(String.class)
                .single();
    }

    public boolean startedSince(String customerId, String triggerKey, Instant since) {
        return jdbc.sql("select count(*) from campaign where customer_id = ? and trigger_key = ? and started_at > ?")
                        .params(customerId, triggerKey, utc(since))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** The process instances of the customer's campaigns that have no outcome yet (index campaign_customer_trigger). */
    public List<String> runningProcessInstances(String customerId) {
        return jdbc.sql("select process_instance_id from campaign where customer_id = ? and outcome is null"
                        + " and process_instance_id is not null")
                .param(customerId)
                .query(String.class)
                .list();
    }

    public Optional<Campaign> find(String campaignId) {
        return jdbc.sql("select * from campaign where campaign_id = ?")
                .param(campaignId)
                .query(CampaignRepository::map)
                .optional();
    }

    public List<Campaign> findByCustomer(String customerId) {
        return jdbc.sql("select * from campaign where customer_id = ? order by started_at desc")
                .param(customerId)
                .query(CampaignRepository::map)
                .list();
    }

    private static Campaign map(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        return new Campaign(
                rs.getString("campaign_id"),
                rs.getString("customer_id"),
                rs.getString("trigger_key"),
                rs.getInt("trigger_version"),
                rs.getString("event_id"),
                rs.getString("process_instance_id"),
                instant(rs, "started_at"),
                outcome == null ? null : CampaignOutcome.valueOf(outcome),
                instant(rs, "ended_at"),
                rs.getString("holdout_group"));
    }
}
