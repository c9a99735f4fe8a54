package io.cxloop.engine.cases;

import static io.cxloop.engine.persistence.JdbcTime.instant;
import static io.cxloop.engine.persistence.JdbcTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code feedback_case} table and each case's history. Every state change goes through a method here that also
 * appends a history row, so the history is complete.
 */
@Repository
public class CaseRepository {

    private static final List<String> OPEN_STATES =
            CaseStatus.OPEN_STATES.stream().map(Enum::name).sorted().toList();

    private final JdbcClient jdbc;

    public CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many complaint cases of the customer are not closed yet (the contact policy's "open case"). */
    public int countOpen(String customerId) {
        return jdbc.sql("select count(*) from feedback_case where customer_id = :customer and status in (:open)")
                .param("customer", customerId)
                .param("open", OPEN_STATES)
                .query(Integer.class)
                .single();
    }

    /** Which cases to list; null fields do not filter. {@code visibleToGroups} null means all groups. */
    public record Filter(
            String team, String assignee, CaseStatus status, Boolean breached, Collection<String> visibleToGroups) {}

    public void open(FeedbackCase opened, String actor) {
        jdbc.sql(
                        """
                insert into feedback_case (case_id, customer_id, feedback_id, team, work_group, assignee, status,
                    severity, sla_due_at, breached, reopened, process_instance_id, opened_at, updated_at)
                values (?, ?, ?, ?, ?, null, ?, ?, ?, false, false, ?, ?, ?)""")
                .params(
                        opened.caseId(),
                        opened.customerId(),
                        opened.feedbackId(),
                        opened.team(),
                        opened.workGroup(),
                        opened.status().name(),
                        opened.severity(),
                        utc(opened.slaDueAt()),
                        opened.processInstanceId(),
                        utc(opened.openedAt()),
                        utc(opened.openedAt()))
                .update();
        history(
                opened.caseId(),
                opened.openedAt(),
                "OPENED",
                actor,
                "team " + opened.team() + ", severity " + opened.severity() + ", SLA due " + opened.slaDueAt());
    }

    public Optional<FeedbackCase> find(String caseId) {
        return jdbc.sql("select * from feedback_case where case_id = ?")
                .param(caseId)
                .query(CaseRepository::map)
                .optional();
    }

    public FeedbackCase get(String caseId) {
        return find(caseId).orElseThrow(() -> new IllegalStateException("no case " + caseId));
    }

    public List<FeedbackCase> list(Filter filter) {
        StringBuilder sql = new StringBuilder("select * from feedback_case where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.team() != null) {
            sql.append(" and team = :team");
            params.put("team", filter.team());
        }
        if (filter.assignee() != null) {
            sql.append(" and assignee = :assignee");
            params.put("assignee", filter.assignee());
        }
        if (filter.status() != null) {
            sql.append(" and status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.breached() != null) {
            sql.append(" and breached = :breached");
            params.put("breached", filter.breached());
        }
        if (filter.visibleToGroups() != null) {
            if (filter.visibleToGroups().isEmpty()) {
                return List.of();
            }
            sql.append(" and (team in (:groups) or work_group in (:groups))");
            params.put("groups", List.copyOf(filter.visibleToGroups()));
        }
        sql.append(" order by sla_due_at, case_id limit 500");
        return jdbc.sql(sql.toString())
                .params(params)
                .query(CaseRepository::map)
                .list();
    }

    public void assign(String caseId, String assignee, Instant at) {
        update(caseId, "assignee = ?", at, assignee);
        history(caseId, at, assignee == null ? "UNCLAIMED" : "CLAIMED", assignee, null);
    }

    public void breach(String caseId, Instant at, String detail) {
        update(caseId, "breached = true", at);
        history(caseId, at, "SLA_BREACHED", null, detail);
    }

    public void moveToGroup(String caseId, String group, Instant at) {
        update(caseId, "work_group = ?, status = ?, assignee = null", at, group, CaseStatus.ESCALATED.name());
        history(caseId, at, "ESCALATED", null, "reassigned to " + group);
    }

    public void recordCallOutcome(String caseId, String callOutcome, boolean reached, Instant at) {
        if (reached) {
            update(caseId, "first_contact_at = coalesce(first_contact_at, ?)", at, utc(at));
        }
        history(caseId, at, "CALL_OUTCOME", null, callOutcome);
    }

    public void recordContact(String caseId, String agent, String outcome, String rootCause, Instant at) {
        update(
                caseId,
                "status = ?, outcome = ?, root_cause = ?, first_contact_at = coalesce(first_contact_at, ?)",
                at,
                CaseStatus.CONTACTED.name(),
                outcome,
                rootCause,
                utc(at));
        history(caseId, at, "CONTACTED", agent, "outcome " + outcome + ", root cause " + rootCause);
    }

    public void reopen(String caseId, String group, Instant slaDueAt, Instant at, String detail) {
        update(
                caseId,
                "status = ?, reopened = true, work_group = ?, assignee = null, sla_due_at = ?",
                at,
                CaseStatus.REOPENED.name(),
                group,
                utc(slaDueAt));
        history(caseId, at, "REOPENED", null, detail + "; new SLA due " + slaDueAt);
    }

    public void close(String caseId, CaseStatus status, String resolution, Instant at) {
        update(caseId, "status = ?, resolution = ?, closed_at = ?", at, status.name(), resolution, utc(at));
        history(caseId, at, "CLOSED", null, resolution);
    }

    /** Appends a history row without changing the case (e.g. a message that went out). */
    public void note(String caseId, String event, String actor, String detail, Instant at) {
        history(caseId, at, event, actor, detail);
    }

    public void linkMessage(String caseId, String messageId, String purpose) {
        jdbc.sql("insert into case_message (case_id, message_id, purpose) values (?, ?, ?)")
                .params(caseId, messageId, purpose)
                .update();
    }

    public List<CaseHistoryEntry> historyOf(String caseId) {
        return jdbc.sql("select seq, at, event, actor, detail from case_history where case_id = ? order by seq")
                .param(caseId)
                .query((rs, n) -> new CaseHistoryEntry(
                        rs.getInt("seq"),
                        instant(rs, "at"),
                        rs.getString("event"),
                        rs.getString("actor"),
                        rs.getString("detail")))
                .list();
    }

    /** The outbox messages a case caused, oldest first, as (message id, purpose). */
    public List<Map.Entry<String, String>> messageIdsOf(String caseId) {
        return jdbc.sql(
                        """
                select m.message_id, m.purpose from case_message m
                join outbox_message o on o.message_id = m.message_id
                where m.case_id = ? order by o.created_at""")
                .param(caseId)
                .query((rs, n) -> Map.entry(rs.getString("message_id"), rs.getString("purpose")))
                .list();
    }

    private void update(String caseId, String assignments, Instant at, Object... values) {
        // values may be null (e.g. no assignee), so no List.of
        List<Object> params = new ArrayList<>(Arrays.asList(values));
        params.add(utc(at));
        params.add(caseId);
        int updated = jdbc.sql("update feedback_case set " + assignments + ", updated_at = ? where case_id = ?")
                .params(params)
                .update();
        if (updated != 1) {
            throw new IllegalStateException("no case " + caseId);
        }
    }

    private void history(String caseId, Instant at, String event, String actor, String detail) {
        // the case's row lock serialises writers (a REST claim and a timer job, say), so counting on is safe
        jdbc.sql("select case_id from feedback_case where case_id = ? for update")
                .param(caseId)
                .query(String.class)
                .optional();
        int seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from case_history where case_id = ?")
                .param(caseId)
                .query(Integer.class)
                .single();
        jdbc.sql("insert into case_history (case_id, seq, at, event, actor, detail) values (?, ?, ?, ?, ?, ?)")
                .params(
                        caseId,
                        seq,
                        utc(at),
                        event,
                        actor,
                        detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000))
                .update();
    }

    private static FeedbackCase map(ResultSet rs, int row) throws SQLException {
        return new FeedbackCase(
                rs.getString("case_id"),
                rs.getString("customer_id"),
                rs.getString("feedback_id"),
                rs.getString("team"),
                rs.getString("work_group"),
                rs.getString("assignee"),
                CaseStatus.valueOf(rs.getString("status")),
                rs.getString("severity"),
                instant(rs, "sla_due_at"),
                rs.getBoolean("breached"),
                rs.getBoolean("reopened"),
                rs.getString("outcome"),
                rs.getString("root_cause"),
                rs.getString("resolution"),
                rs.getString("process_instance_id"),
                instant(rs, "opened_at"),
                instant(rs, "first_contact_at"),
                instant(rs, "closed_at"),
                instant(rs, "updated_at"));
    }
}
