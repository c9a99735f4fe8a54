package io.cxloop.engine.message;

import static io.cxloop.engine.persistence.JdbcTime.instant;
import static io.cxloop.engine.persistence.JdbcTime.utc;

import io.cxloop.connectors.callqueue.CallQueueProperties;
import io.cxloop.connectors.callqueue.CallQueueThrottle;
import io.cxloop.connectors.outbox.OutboxMessage;
import io.cxloop.connectors.outbox.OutboxStore;
import io.cxloop.connectors.sms.SmsSegments;
import io.cxloop.engine.optout.UnsubscribeLinks;
import io.cxloop.rules.model.Channel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox table. Processes only {@link #queue} (in their own transaction); the connectors' dispatcher claims,
 * sends and reports back through {@link OutboxStore}. A claim is a conditional update, so two dispatchers (two engine
 * nodes) never take the same message; every status change is conditional on the status before it, so status only moves
 * forward (see {@link MessageStatus}). A message given up on ({@code FAILED} or {@code SUPPRESSED}) is announced as
 * {@link MessageGaveUp} in the same transaction.
 */
@Repository
public class OutboxRepository implements OutboxStore {

    private static final Logger log = LoggerFactory.getLogger(OutboxRepository.class);

    /** A message to put into the outbox. */
    public record NewMessage(
            String customerId,
            String campaignId,
            String decisionId,
            String offerCode,
            Channel channel,
            String template,
            String recipient,
            String language,
            String subject,
            String htmlBody,
            String textBody,
            Integer priority,
            boolean marketing) {

        /** A marketing message (it carries one-click unsubscribe) with its own call-queue priority. */
        public NewMessage(
                String customerId,
                String campaignId,
                String decisionId,
                String offerCode,
                Channel channel,
                String template,
                String recipient,
                String language,
                String subject,
                String htmlBody,
                String textBody,
                Integer priority) {
            this(
                    customerId,
                    campaignId,
                    decisionId,
                    offerCode,
                    channel,
                    template,
                    recipient,
                    language,
                    subject,
                    htmlBody,
                    textBody,
                    priority,
                    true);
        }

        /** A marketing message (it carries one-click unsubscribe). */
        public NewMessage(
                String customerId,
                String campaignId,
                String decisionId,
                String offerCode,
                Channel channel,
                String template,
                String recipient,
                String language,
                String subject,
                String htmlBody,
                String textBody) {
            this(
                    customerId,
                    campaignId,
                    decisionId,
                    offerCode,
                    channel,
                    template,
                    recipient,
                    language,
                    subject,
                    htmlBody,
                    textBody,
                    null,
                    true);
        }
    }

    /**
     * A message was queued due now (or due again, by an operator's retry); announced in the queuing transaction, so
     * that this node's dispatcher can claim it as soon as that commits ({@link OutboxWakeUps}).
     */
    public record MessageQueued(String messageId) {}

    /** A message the outbox gave up on: {@code FAILED} after its last attempt (or rejected), or {@code SUPPRESSED}. */
    public record MessageGaveUp(
            String messageId, String campaignId, Channel channel, MessageStatus status, String reason) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final OutboxRetryProperties retry;
    private final OutboxMetrics metrics;
    private final ApplicationEventPublisher events;
    private final CallQueueProperties callQueueProperties;
    private final CallQueueThrottle callQueue;
    private final UnsubscribeLinks unsubscribeLinks;

    /** Due call-backs looked at per claim when sorting them by priority. */
    private static final int MAX_CALL_BACKS_CONSIDERED = 1000;

    /** Claimed messages not yet marked held in memory at most (a dispatch that never reports back leaves one). */
    private static final int MAX_CLAIMED_HERE = 10_000;

    /**
     * Channel and queuing time of the messages this node claimed and has not marked yet, for the metrics when it marks
     * them sent: a read of the row less per message. Without an entry (e.g. claimed before a restart) the row is read.
     */
    private final Map<String, Header> claimedHere = new ConcurrentHashMap<>();

    @Autowired
    public OutboxRepository(
            JdbcClient jdbc,
            Clock clock,
            OutboxRetryProperties retry,
            OutboxMetrics metrics,
            ApplicationEventPublisher events,
            CallQueueProperties callQueueProperties,
            UnsubscribeLinks unsubscribeLinks) {
        this(
                jdbc,
                clock,
                retry,
                metrics,
                events,
                callQueueProperties,
                callQueueProperties.throttle(),
                unsubscribeLinks);
    }

    /** With a throttle of its own (e.g. for a test with a controllable clock). */
    public OutboxRepository(
            JdbcClient jdbc,
            Clock clock,
            OutboxRetryProperties retry,
            OutboxMetrics metrics,
            ApplicationEventPublisher events,
            CallQueueProperties callQueueProperties,
            CallQueueThrottle callQueue,
            UnsubscribeLinks unsubscribeLinks) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retry = retry;
        this.metrics = metrics;
        this.events = events;
        this.callQueueProperties = callQueueProperties;
        this.callQueue = callQueue;
        this.unsubscribeLinks = unsubscribeLinks;
    }

    /** Writes a message in the caller's transaction, due at once; returns its id. */
    public String queue(NewMessage message) {
        return queue(message, null);
    }

    /**
     * Writes a message in the caller's transaction; returns its id.
     *
     * @param notBefore when it may leave at the earliest; null or past for at once
     */
    public String queue(NewMessage message, Instant notBefore) {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Instant due = notBefore != null && notBefore.isAfter(now) ? notBefore : now;
        SmsSegments sms = message.channel() == Channel.SMS ? SmsSegments.of(message.textBody()) : null;
        jdbc.sql(
                        """
                insert into outbox_message (message_id, customer_id, campaign_id, decision_id, offer_code, channel,
                    template, recipient, language, subject, html_body, text_body, status, attempts, next_attempt_at,
                    created_at, updated_at, sms_encoding, sms_segments, priority, marketing)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        message.customerId(),
                        message.campaignId(),
                        message.decisionId(),
                        message.offerCode(),
                        message.channel().name(),
                        message.template(),
                        message.recipient(),
                        message.language(),
                        message.subject(),
                        message.htmlBody(),
                        message.textBody(),
                        utc(due),
                        utc(now),
                        utc(now),
                        sms == null ? null : sms.encoding().name(),
                        sms == null ? null : sms.segments(),
                        message.priority(),
                        message.marketing())
                .update();
        metrics.queued(message.channel().name());
        if (!due.isAfter(now)) {
            events.publishEvent(new MessageQueued(id));
        }
        return id;
    }

    /**
     * Claims due messages: {@code QUEUED} ones whose time has come and {@code SENDING} ones whose dispatcher died
     * (claimed longer than the claim timeout ago; they come back {@link OutboxMessage#resumed() resumed}). Call-backs
     * pass the {@link CallQueueThrottle}: only as many as the call center's hourly capacity and business hours allow,
     * the most urgent first; the rest stay queued.
     */
    @Override
    @Transactional
    public List<OutboxMessage> claimDue(int limit) {
        Instant now = clock.instant();
        Instant stale = now.minus(retry.claimTimeout());
        boolean throttled = callQueue.limits();
        List<Candidate> candidates =
                new ArrayList<>(dueCandidates(throttled ? "channel <> 'CALL_QUEUE'" : null, now, stale, limit));
        if (throttled && candidates.size() < limit) {
            candidates.addAll(dueCallBacks(now, stale, limit - candidates.size()));
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        // one conditional update for the whole batch: a row another dispatcher claimed meanwhile no longer matches, and
        // the rows this claim won carry its token
        String token = UUID.randomUUID().toString();
        List<String> ids = candidates.stream().map(Candidate::id).toList();
        int won = jdbc.sql(
                        """
                update outbox_message set status = 'SENDING', claimed_at = :now, claim_token = :token,
                    attempts = attempts + 1, updated_at = :now
                where message_id in (:ids)
                  and ((status = 'QUEUED' and next_attempt_at <= :now) or (status = 'SENDING' and claimed_at < :stale))""")
                .param("now", utc(now))
                .param("token", token)
                .param("stale", utc(stale))
                .param("ids", ids)
                .update();
        if (won == 0) {
            return List.of();
        }
        Map<String, OutboxMessage> loaded = new HashMap<>();
        jdbc.sql(
                        """
                select message_id, channel, recipient, language, subject, html_body, text_body, attempts,
                    customer_id, template, offer_code, priority, marketing, created_at
                from outbox_message where message_id in (:ids) and claim_token = :token""")
                .param("ids", ids)
                .param("token", token)
                .query((rs, row) -> {
                    OutboxMessage message = claimedMessage(rs, row);
                    if (claimedHere.size() < MAX_CLAIMED_HERE) {
                        claimedHere.put(
                                message.id(),
                                new Header(Channel.valueOf(message.channel()), null, instant(rs, "created_at")));
                    }
                    return message;
                })
                .list()
                .forEach(message -> loaded.put(message.id(), message));
        // in the candidates' order (oldest first; call-backs by priority)
        List<OutboxMessage> claimed = new ArrayList<>(loaded.size());
        for (Candidate candidate : candidates) {
            OutboxMessage message = loaded.get(candidate.id());
            if (message != null) {
                claimed.add(withUnsubscribe(message, "SENDING".equals(candidate.status())));
            }
        }
        return claimed;
    }

    private record Candidate(String id, String status, String channel, String kind, Integer priority) {}

    /**
     * Due messages, oldest first: {@code QUEUED} ones whose time has come and {@code SENDING} ones whose claim went
     * stale, optionally restricted by a condition on the channel.
     *
     * <p>Two ordered scans of the index {@code outbox_due (status, next_attempt_at)} joined by {@code union all}, not one
     * {@code or} of the two statuses: PostgreSQL answers the {@code or} with a bitmap scan, which visits every index
     * entry that each sent message's earlier statuses left behind, up to the next vacuum, and then sorts what it found
     * (bitmap scans never mark such entries dead). Each half here is an index scan in {@code next_attempt_at} order that
     * stops at the limit and marks the dead entries it passed, so the next claim skips them: 2.8 ms → 0.08 ms per claim
     * on a table with 20,000 sent messages (docs/benchmarks.md, session 9).
     */
    private List<Candidate> dueCandidates(String channelCondition, Instant now, Instant stale, int limit) {
        String channel = channelCondition == null ? "" : " and " + channelCondition;
        return jdbc.sql("(select message_id, status, channel, template, priority, next_attempt_at from outbox_message"
                        + " where status = 'QUEUED' and next_attempt_at <= ?" + channel
                        + " order by next_attempt_at limit ?)"
                        + " union all"
                        + " (select message_id, status, channel, template, priority, next_attempt_at from outbox_message"
                        + " where status = 'SENDING' and claimed_at < ?" + channel
                        + " order by next_attempt_at limit ?)"
                        + " order by next_attempt_at limit ?")
                .params(utc(now), limit, utc(stale), limit, limit)
                .query(OutboxRepository::candidate)
                .list();
    }

    private static Candidate candidate(ResultSet rs, int row) throws SQLException {
        return new Candidate(
                rs.getString("message_id"),
                rs.getString("status"),
                rs.getString("channel"),
                rs.getString("template"),
                (Integer) rs.getObject("priority", Integer.class));
    }

    /** Due call-backs within what the throttle allows now, most urgent first, then oldest first. */
    private List<Candidate> dueCallBacks(Instant now, Instant stale, int limit) {
        // one node at a time counts and claims: otherwise two nodes could both grant the same remaining capacity
        jdbc.sql("select gate from call_queue_gate where gate = 1 for update")
                .query(Integer.class)
                .single();
        int dispatched = jdbc.sql(
                        """
                select count(*) from outbox_message
                where channel = 'CALL_QUEUE' and status in ('SENDING', 'SENT', 'DELIVERED')
                  and claimed_at > ? and claimed_at <= ?""")
                .params(utc(now.minus(CallQueueThrottle.WINDOW)), utc(now))
                .query(Integer.class)
                .single();
        int allowance = Math.min(limit, callQueue.allowance(now, dispatched));
        if (allowance <= 0) {
            return List.of();
        }
        return dueCandidates("channel = 'CALL_QUEUE'", now, stale, MAX_CALL_BACKS_CONSIDERED).stream()
                // a stable sort: within one priority the oldest stays first
                .sorted(Comparator.comparingInt(
                        (Candidate c) -> -callQueueProperties.priorityOf(c.kind(), c.priority())))
                .limit(allowance)
                .toList();
    }

    private static OutboxMessage claimedMessage(ResultSet rs, int row) throws SQLException {
        return new OutboxMessage(
                rs.getString("message_id"),
                rs.getString("channel"),
                rs.getString("recipient"),
                rs.getString("language"),
                rs.getString("subject"),
                rs.getString("html_body"),
                rs.getString("text_body"),
                rs.getInt("attempts"),
                rs.getString("customer_id"),
                rs.getString("template"),
                rs.getString("offer_code"),
                (Integer) rs.getObject("priority", Integer.class),
                rs.getBoolean("marketing"),
                null,
                false);
    }

    private OutboxMessage withUnsubscribe(OutboxMessage claimed, boolean resumed) {
        OutboxMessage message = resumed ? claimed.withAttempt(claimed.attempts(), true) : claimed;
        if (message.marketing()) {
            message = message.withUnsubscribe(
                    unsubscribeLinks.forCustomer(message.customerId(), Channel.valueOf(message.channel())));
        }
        return message;
    }

    @Override
    @Transactional
    public void markSent(String id, String providerMessageId) {
        Instant now = clock.instant();
        // a retry may already be queued (the first attempt was slower than the claim timeout): the send still counts
        int updated = jdbc.sql(
                        """
                update outbox_message set status = 'SENT', sent_at = ?, provider_message_id = ?, last_error = null,
                    updated_at = ?
                where message_id = ? and status in ('SENDING', 'QUEUED')""")
                .params(utc(now), providerMessageId, utc(now), id)
                .update();
        Header claimed = claimedHere.remove(id);
        if (updated == 1) {
            Header header = claimed != null ? claimed : header(id);
            metrics.sent(header.channel().name(), Duration.between(header.createdAt(), now));
        }
    }

    @Override
    @Transactional
    public void markFailed(String id, String error) {
        claimedHere.remove(id);
        Instant now = clock.instant();
        record Attempts(Channel channel, int attempts) {}
        Attempts sofar = jdbc.sql("select channel, attempts from outbox_message where message_id = ?")
                .param(id)
                .query((rs, row) -> new Attempts(Channel.valueOf(rs.getString("channel")), rs.getInt("attempts")))
                .optional()
                .orElse(null);
        String message = error == null ? "unknown error" : error.length() > 2000 ? error.substring(0, 2000) : error;
        if (sofar == null) {
            log.warn("Message {} failed but is not in the outbox: {}", id, message);
            return;
        }
        int attempts = sofar.attempts();
        if (attempts >= retry.maxAttempts(sofar.channel())) {
            log.warn("Message {} failed for good after {} attempts: {}", id, attempts, message);
            giveUp(id, MessageStatus.FAILED, message, "status = 'SENDING'");
        } else {
            Instant next = now.plus(retry.backoffAfter(sofar.channel(), attempts));
            log.info("Message {} failed (attempt {}), retrying at {}: {}", id, attempts, next, message);
            jdbc.sql(
                            """
                    update outbox_message set status = 'QUEUED', next_attempt_at = ?, last_error = ?, updated_at = ?
                    where message_id = ? and status = 'SENDING'""")
                    .params(utc(next), message, utc(now), id)
                    .update();
        }
    }

    @Override
    @Transactional
    public void markRejected(String id, String error) {
        claimedHere.remove(id);
        String message = error == null ? "unknown error" : error.length() > 2000 ? error.substring(0, 2000) : error;
        log.warn("Message {} rejected, no retry: {}", id, message);
        giveUp(id, MessageStatus.FAILED, message, "status in ('SENDING', 'QUEUED')");
    }

    @Override
    @Transactional
    public void markSuppressed(String id, String reason) {
        claimedHere.remove(id);
        String message = reason == null ? "contact policy" : reason.length() > 500 ? reason.substring(0, 500) : reason;
        log.info("Message {} suppressed: {}", id, message);
        giveUp(id, MessageStatus.SUPPRESSED, message, "status in ('SENDING', 'QUEUED')");
    }

    private boolean giveUp(String id, MessageStatus status, String reason, String condition) {
        Instant now = clock.instant();
        String column = status == MessageStatus.SUPPRESSED ? "status_reason" : "last_error";
        int updated = jdbc.sql("update outbox_message set status = ?, " + column + " = ?, updated_at = ?"
                        + " where message_id = ? and " + condition)
                .params(status.name(), reason, utc(now), id)
                .update();
        if (updated == 1) {
            Header header = header(id);
            if (status == MessageStatus.SUPPRESSED) {
                metrics.suppressed(header.channel().name());
            } else {
                metrics.failed(header.channel().name());
            }
            events.publishEvent(new MessageGaveUp(id, header.campaignId(), header.channel(), status, reason));
        }
        return updated == 1;
    }

    /** What a delivery receipt did to a message. */
    public enum ReceiptResult {
        /** The message moved forward to the reported status. */
        APPLIED,
        /** The message is already there or further (a duplicate or late receipt): nothing changed. */
        UNCHANGED
    }

    /**
     * A provider's delivery receipt (or bounce): status only moves forward, so duplicate and out-of-order receipts are
     * harmless. {@code SENT} applies to a message not yet marked sent; {@code DELIVERED} and {@code FAILED} to a
     * message not yet delivered, failed or suppressed. A {@code FAILED} receipt gives the message up (the waiting
     * process hears of it) with the provider's error.
     *
     * @param reported {@link MessageStatus#SENT}, {@link MessageStatus#DELIVERED} or {@link MessageStatus#FAILED}
     */
    @Transactional
    public ReceiptResult applyReceipt(String id, MessageStatus reported, String providerMessageId, String error) {
        Instant now = clock.instant();
        int updated =
                switch (reported) {
                    case SENT ->
                        jdbc.sql(
                                        """
                            update outbox_message set status = 'SENT', sent_at = ?, updated_at = ?,
                                provider_message_id = coalesce(provider_message_id, ?)
                            where message_id = ? and status in ('QUEUED', 'SENDING')""")
                                .params(utc(now), utc(now), providerMessageId, id)
                                .update();
                    case DELIVERED ->
                        jdbc.sql(
                                        """
                            update outbox_message set status = 'DELIVERED', delivered_at = ?, updated_at = ?,
                                sent_at = coalesce(sent_at, ?), provider_message_id = coalesce(provider_message_id, ?)
                            where message_id = ? and status in ('QUEUED', 'SENDING', 'SENT')""")
                                .params(utc(now), utc(now), utc(now), providerMessageId, id)
                                .update();
                    case FAILED ->
                        giveUp(
                                        id,
                                        MessageStatus.FAILED,
                                        truncate(error == null ? "provider reported the message undeliverable" : error),
                                        "status in ('QUEUED', 'SENDING', 'SENT')")
                                ? 1
                                : 0;
                    default -> throw new IllegalArgumentException("a receipt cannot report " + reported);
                };
        if (updated == 1 && reported == MessageStatus.SENT) {
            Header header = header(id);
            metrics.sent(header.channel().name(), Duration.between(header.createdAt(), now));
        }
        log.info("Receipt for message {}: {} ({})", id, reported, updated == 1 ? "applied" : "unchanged");
        return updated == 1 ? ReceiptResult.APPLIED : ReceiptResult.UNCHANGED;
    }

    /** Records what came of a call-back (the latest report counts). */
    @Transactional
    public void recordCallOutcome(String id, String outcome, String note) {
        Instant now = clock.instant();
        jdbc.sql(
                        """
                update outbox_message set call_outcome = ?, call_note = ?, call_outcome_at = ?, updated_at = ?
                where message_id = ?""")
                .params(outcome, note, utc(now), utc(now), id)
                .update();
    }

    /** The outbox id of the message the provider knows by this id. */
    public Optional<String> findByProviderMessageId(String providerMessageId) {
        return jdbc.sql("select message_id from outbox_message where provider_message_id = ?")
                .param(providerMessageId)
                .query(String.class)
                .optional();
    }

    private static String truncate(String error) {
        return error.length() > 2000 ? error.substring(0, 2000) : error;
    }

    /**
     * An operator retries a {@code FAILED} message: it is due at once, with a fresh set of attempts.
     *
     * @return false when the message is not {@code FAILED}
     */
    @Transactional
    public boolean retry(String id) {
        Instant now = clock.instant();
        int updated = jdbc.sql(
                        """
                update outbox_message set status = 'QUEUED', attempts = 0, next_attempt_at = ?, claimed_at = null,
                    updated_at = ?
                where message_id = ? and status = 'FAILED'""")
                .params(utc(now), utc(now), id)
                .update();
        if (updated == 1) {
            log.info("Message {} queued again by an operator", id);
            metrics.queued(header(id).channel().name());
            events.publishEvent(new MessageQueued(id));
        }
        return updated == 1;
    }

    private record Header(Channel channel, String campaignId, Instant createdAt) {}

    private Header header(String id) {
        return jdbc.sql("select channel, campaign_id, created_at from outbox_message where message_id = ?")
                .param(id)
                .query((rs, n) -> new Header(
                        Channel.valueOf(rs.getString("channel")),
                        rs.getString("campaign_id"),
                        instant(rs, "created_at")))
                .single();
    }

    /** A queued message waits until then (e.g. the customer's quiet hours end) before it is dispatched. */
    @Override
    @Transactional
    public void postpone(String id, Instant notBefore, String reason) {
        claimedHere.remove(id);
        // back to the queue; the claim counted an attempt that did not happen
        int updated = jdbc.sql(
                        """
                update outbox_message set status = 'QUEUED', next_attempt_at = ?, attempts = attempts - 1,
                    updated_at = ?
                where message_id = ? and status = 'SENDING'""")
                .params(utc(notBefore), utc(clock.instant()), id)
                .update();
        if (updated == 1) {
            log.info("Message {} waits until {}: {}", id, notBefore, reason);
        }
    }

    /** Reconnect messages of the customer since the given time that were not given up on. */
    public List<Contact> contactsSince(String customerId, Instant since) {
        return jdbc.sql(
                        """
                select c.trigger_key, m.channel, m.created_at
                from outbox_message m join campaign c on c.campaign_id = m.campaign_id
                where m.customer_id = ? and m.created_at > ? and m.status not in ('FAILED', 'SUPPRESSED')
                order by m.created_at desc""")
                .params(customerId, utc(since))
                .query((rs, n) -> new Contact(
                        rs.getString("trigger_key"),
                        Channel.valueOf(rs.getString("channel")),
                        instant(rs, "created_at")))
                .list();
    }

    /** Channels on which a message of the campaign was given up on (failed for good, bounced or suppressed). */
    public Set<Channel> undeliverableChannels(String campaignId) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        jdbc.sql(
                        """
                select distinct channel from outbox_message
                where campaign_id = ? and status in ('FAILED', 'SUPPRESSED')""")
                .param(campaignId)
                .query(String.class)
                .list()
                .forEach(channel -> channels.add(Channel.valueOf(channel)));
        return channels;
    }

    /** A message sent on behalf of a campaign. */
    public record Contact(String triggerKey, Channel channel, Instant at) {}

    public Optional<Message> find(String messageId) {
        return jdbc.sql("select * from outbox_message where message_id = ?")
                .param(messageId)
                .query(OutboxRepository::map)
                .optional();
    }

    public List<Message> search(String customerId, MessageStatus status, int limit) {
        StringBuilder sql = new StringBuilder("select * from outbox_message where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (customerId != null) {
            sql.append(" and customer_id = ?");
            params.add(customerId);
        }
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status.name());
        }
        sql.append(" order by created_at desc limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString())
                .params(params)
                .query(OutboxRepository::map)
                .list();
    }

    private static Message map(ResultSet rs, int row) throws SQLException {
        return new Message(
                rs.getString("message_id"),
                rs.getString("customer_id"),
                rs.getString("campaign_id"),
                rs.getString("decision_id"),
                rs.getString("offer_code"),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("template"),
                rs.getString("recipient"),
                rs.getString("language"),
                rs.getString("subject"),
                rs.getString("text_body"),
                rs.getString("html_body"),
                MessageStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                rs.getString("provider_message_id"),
                instant(rs, "created_at"),
                instant(rs, "sent_at"),
                rs.getString("status_reason"),
                rs.getString("sms_encoding"),
                (Integer) rs.getObject("sms_segments", Integer.class),
                (Integer) rs.getObject("priority", Integer.class),
                instant(rs, "delivered_at"),
                rs.getBoolean("marketing"),
                rs.getString("call_outcome"),
                rs.getString("call_note"),
                instant(rs, "call_outcome_at"));
    }
}
