package io.cxloop.engine.feedback;

import static io.cxloop.engine.persistence.JdbcTime.instant;
import static io.cxloop.engine.persistence.JdbcTime.utc;

import io.cxloop.rules.feedback.NpsClass;
import io.cxloop.rules.feedback.ScoreType;
import io.cxloop.rules.feedback.Sentiment;
import io.cxloop.rules.feedback.Topic;
import io.cxloop.rules.triage.Severity;
import io.cxloop.rules.triage.TriageAction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code feedback} table: every feedback with its analysis and triage. */
@Repository
public class FeedbackRepository {

    private final JdbcClient jdbc;

    public FeedbackRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(String feedbackId) {
        return jdbc.sql("select count(*) from feedback where feedback_id = ?")
                        .param(feedbackId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public Optional<Feedback> find(String feedbackId) {
        return jdbc.sql("select * from feedback where feedback_id = ?")
                .param(feedbackId)
                .query(FeedbackRepository::map)
                .optional();
    }

    /**
     * The feedback with the given ids, in one query, by id; ids without feedback are left out. For lists: one query
     * instead of one per row.
     */
    public Map<String, Feedback> findAll(Collection<String> feedbackIds) {
        Set<String> ids = feedbackIds.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Feedback> found = new HashMap<>();
        jdbc.sql("select * from feedback where feedback_id in (:ids)")
                .param("ids", List.copyOf(ids))
                .query(FeedbackRepository::map)
                .list()
                .forEach(rated -> found.put(rated.feedbackId(), rated));
        return found;
    }

    /** The follow-up survey answers of a case, oldest first. */
    public List<Feedback> followUpsOf(String caseId) {
        return jdbc.sql("select * from feedback where follow_up_of_case = ? order by received_at")
                .param(caseId)
                .query(FeedbackRepository::map)
                .list();
    }

    public void insert(Feedback feedback) {
        jdbc.sql(
                        """
                insert into feedback (feedback_id, customer_id, touchpoint, channel, journey_stage, score_type, score,
                    comment, language, occurred_at, received_at, transaction_ref, nps_class, sentiment, sentiment_score,
                    topics, severity, team, sla_hours, triage_action, triage_rules, follow_up_of_case)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        feedback.feedbackId(),
                        feedback.customerId(),
                        feedback.touchpoint(),
                        feedback.channel(),
                        feedback.journeyStage(),
                        feedback.scoreType().name(),
                        feedback.score(),
                        feedback.comment(),
                        feedback.language(),
                        utc(feedback.occurredAt()),
                        utc(feedback.receivedAt()),
                        feedback.transactionRef(),
                        feedback.npsClass().name(),
                        feedback.sentiment() == null
                                ? null
                                : feedback.sentiment().name(),
                        feedback.sentimentScore(),
                        feedback.topics().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                        feedback.severity() == null ? null : feedback.severity().name(),
                        feedback.team(),
                        feedback.slaHours(),
                        feedback.action() == null ? null : feedback.action().name(),
                        triageRules(feedback),
                        feedback.followUpOfCase())
                .update();
    }

    public void attachProcessInstance(String feedbackId, String processInstanceId) {
        jdbc.sql("update feedback set process_instance_id = ? where feedback_id = ?")
                .params(processInstanceId, feedbackId)
                .update();
    }

    /** The rule set version on the first line, then one fired rule per line. */
    private static String triageRules(Feedback feedback) {
        if (feedback.ruleSetVersion() == null) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        lines.add(feedback.ruleSetVersion());
        lines.addAll(feedback.firedRules());
        return String.join("\n", lines);
    }

    private static Feedback map(ResultSet rs, int row) throws SQLException {
        String rules = rs.getString("triage_rules");
        List<String> lines = rules == null ? List.of() : Arrays.asList(rules.split("\n", -1));
        return new Feedback(
                rs.getString("feedback_id"),
                rs.getString("customer_id"),
                rs.getString("touchpoint"),
                rs.getString("channel"),
                rs.getString("journey_stage"),
                ScoreType.valueOf(rs.getString("score_type")),
                rs.getInt("score"),
                rs.getString("comment"),
                rs.getString("language"),
                instant(rs, "occurred_at"),
                instant(rs, "received_at"),
                rs.getString("transaction_ref"),
                NpsClass.valueOf(rs.getString("nps_class")),
                enumOrNull(Sentiment.class, rs.getString("sentiment")),
                (Double) rs.getObject("sentiment_score", Double.class),
                topics(rs.getString("topics")),
                enumOrNull(Severity.class, rs.getString("severity")),
                rs.getString("team"),
                (Integer) rs.getObject("sla_hours", Integer.class),
                enumOrNull(TriageAction.class, rs.getString("triage_action")),
                lines.isEmpty() ? List.of() : lines.subList(1, lines.size()),
                lines.isEmpty() ? null : lines.get(0),
                rs.getString("process_instance_id"),
                rs.getString("follow_up_of_case"));
    }

    static Set<Topic> topics(String column) {
        if (column == null || column.isBlank()) {
            return Set.of();
        }
        Set<Topic> topics = EnumSet.noneOf(Topic.class);
        for (String name : column.split(",")) {
            topics.add(Topic.valueOf(name.strip()));
        }
        return topics;
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
