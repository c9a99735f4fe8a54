package io.cxloop.engine.decision;

import static io.cxloop.engine.persistence.JdbcTime.instant;
import static io.cxloop.engine.persistence.JdbcTime.utc;

import io.cxloop.rules.model.Channel;
import io.cxloop.rules.nba.ContactRecord;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The messages a customer got or will get, from the outbox, by every process: what the contact policy's caps count.
 * Messages given up on (failed, suppressed) never reached the customer and do not count.
 */
@Repository
public class ContactHistory {

    private final JdbcClient jdbc;

    public ContactHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ContactRecord> since(String customerId, Instant since) {
        return jdbc.sql(
                        """
                select c.trigger_key, m.channel, m.created_at, m.marketing
                from outbox_message m left join campaign c on c.campaign_id = m.campaign_id
                where m.customer_id = ? and m.created_at > ? and m.status not in ('FAILED', 'SUPPRESSED')
                order by m.created_at desc""")
                .params(customerId, utc(since))
                .query((rs, n) -> new ContactRecord(
                        rs.getString("trigger_key"),
                        Channel.valueOf(rs.getString("channel")),
                        instant(rs, "created_at"),
                        rs.getBoolean("marketing")))
                .list();
    }

    /**
     * The marketing messages that actually went out to a customer since {@code since}, other than {@code messageId}:
     * what the caps count just before dispatch, when a message decided earlier (e.g. an invitation that waited two
     * days) may meet messages sent in the meantime.
     */
    public List<ContactRecord> marketingSentSince(String customerId, Instant since, String messageId) {
        return jdbc.sql(
                        """
                select m.channel, m.sent_at
                from outbox_message m
                where m.customer_id = ? and m.marketing and m.sent_at > ? and m.message_id <> ?
                  and m.status in ('SENT', 'DELIVERED')""")
                .params(customerId, utc(since), messageId)
                .query((rs, n) ->
                        new ContactRecord(null, Channel.valueOf(rs.getString("channel")), instant(rs, "sent_at"), true))
                .list();
    }
}
