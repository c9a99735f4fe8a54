package io.cxloop.engine.optout;

import static io.cxloop.engine.persistence.JdbcTime.utc;

import io.cxloop.rules.model.Channel;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Addresses (per channel) that opted out or bounced; kept apart from consents, which belong to the customer. */
@Repository
public class SuppressionRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    public SuppressionRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the suppression once; recording it again changes nothing. */
    public void add(Channel channel, String address, SuppressionReason reason, String customerId, String detail) {
        String normalized = normalize(address);
        if (reasonsFor(channel, normalized).contains(reason)) {
            return;
        }
        try {
            jdbc.sql(
                            """
                    insert into contact_suppression (channel, address, reason, customer_id, detail, created_at)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(
                            channel.name(),
                            normalized,
                            reason.name(),
                            customerId,
                            detail == null ? null : detail.length() > 500 ? detail.substring(0, 500) : detail,
                            utc(clock.instant()))
                    .update();
        } catch (DuplicateKeyException concurrentlyRecorded) {
            // someone else recorded the same suppression at the same moment: that is all we wanted
        }
    }

    public Set<SuppressionReason> reasonsFor(Channel channel, String address) {
        if (address == null) {
            return Set.of();
        }
        Set<SuppressionReason> reasons = EnumSet.noneOf(SuppressionReason.class);
        jdbc.sql("select reason from contact_suppression where channel = ? and address = ?")
                .params(channel.name(), normalize(address))
                .query(String.class)
                .list()
                .forEach(reason -> reasons.add(SuppressionReason.valueOf(reason)));
        return reasons;
    }

    /** E-mail addresses compare case-insensitively in practice (the local part is case-sensitive only in theory). */
    static String normalize(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
