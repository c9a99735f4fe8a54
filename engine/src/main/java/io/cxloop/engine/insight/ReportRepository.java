package io.cxloop.engine.insight;

import static io.cxloop.engine.persistence.JdbcTime.instant;
import static io.cxloop.engine.persistence.JdbcTime.utc;

import io.cxloop.engine.cases.CaseStatus;
import io.cxloop.rules.feedback.ScoreType;
import io.cxloop.rules.feedback.Topic;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read-only aggregations over {@code feedback}, {@code feedback_case}, {@code case_history} and {@code customer}, in
 * SQL that runs on H2 and PostgreSQL alike. Feedback belongs to the period in which it occurred; answers to the
 * follow-up survey of a case ({@code follow_up_of_case}) are always left out, since they are not a fresh sample of
 * customers but the reaction of detractors who were called back.
 */
@Repository
class ReportRepository {

    /** The label of a group whose value is not recorded (no channel, no journey stage, no assignee). */
    static final String UNKNOWN = "UNKNOWN";

    private static final String FEEDBACK_IN_PERIOD =
            "f.occurred_at >= :from and f.occurred_at < :to and f.follow_up_of_case is null";

    private static final List<String> OPEN_STATES =
            CaseStatus.OPEN_STATES.stream().map(Enum::name).sorted().toList();

    private final JdbcClient jdbc;

    ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Feedback counts per group and score type; NPS classes by score (promoter 9–10, detractor 0–6). */
    Map<ScoreType, List<NpsCounts>> countsBy(NpsGrouping grouping, ReportPeriod period) {
        String group = "coalesce(" + grouping.column() + ", '" + UNKNOWN + "')";
        Map<ScoreType, List<NpsCounts>> counts = new EnumMap<>(ScoreType.class);
        for (ScoreType type : ScoreType.values()) {
            counts.put(type, new ArrayList<>());
        }
        jdbc.sql("select " + group + " as grp, f.score_type, count(*) as responses,"
                        + " sum(case when f.score >= 9 then 1 else 0 end) as promoters,"
                        + " sum(case when f.score between 7 and 8 then 1 else 0 end) as passives,"
                        + " sum(case when f.score <= 6 then 1 else 0 end) as detractors,"
                        + " sum(f.score) as score_sum"
                        + " from feedback f join customer c on c.customer_id = f.customer_id"
                        + " where " + FEEDBACK_IN_PERIOD
                        + " group by " + group + ", f.score_type order by 1")
                .param("from", utc(period.from()))
                .param("to", utc(period.to()))
                .query((rs, row) -> Map.entry(
                        ScoreType.valueOf(rs.getString("score_type")),
                        new NpsCounts(
                                rs.getString("grp"),
                                rs.getLong("responses"),
                                rs.getLong("promoters"),
                                rs.getLong("passives"),
                                rs.getLong("detractors"),
                                rs.getLong("score_sum"))))
                .list()
                .forEach(entry -> counts.get(entry.getKey()).add(entry.getValue()));
        return counts;
    }

    /** Per touchpoint: its detractors (the engine's class, on any scale) and how many mention each topic. */
    Map<String, TopicCounts> detractorTopics(ReportPeriod period) {
        Topic[] topics = Topic.values();
        StringBuilder sql = new StringBuilder("select f.touchpoint, count(*) as detractors");
        for (int i = 0; i < topics.length; i++) {
            // topics are stored as a sorted comma-separated list of names
            sql.append(", sum(case when (',' || coalesce(f.topics, '') || ',') like :topic")
                    .append(i)
                    .append(" then 1 else 0 end) as topic")
                    .append(i);
        }
        sql.append(" from feedback f where f.nps_class = 'DETRACTOR' and ")
                .append(FEEDBACK_IN_PERIOD)
                .append(" group by f.touchpoint order by f.touchpoint");
        JdbcClient.StatementSpec statement =
                jdbc.sql(sql.toString()).param("from", utc(period.from())).param("to", utc(period.to()));
        for (int i = 0; i < topics.length; i++) {
            statement = statement.param("topic" + i, "%," + topics[i].name() + ",%");
        }
        Map<String, TopicCounts> result = new LinkedHashMap<>();
        statement
                .query((rs, row) -> {
                    Map<String, Long> mentions = new LinkedHashMap<>();
                    for (int i = 0; i < topics.length; i++) {
                        mentions.put(topics[i].name(), rs.getLong("topic" + i));
                    }
                    return new TopicCounts(rs.getString("touchpoint"), rs.getLong("detractors"), mentions);
                })
                .list()
                .forEach(counts -> result.put(counts.touchpoint(), counts));
        return result;
    }

    /** Per touchpoint and root-cause code: how many cases of its detractors carry that code. */
    List<RootCauseCount> detractorRootCauses(ReportPeriod period) {
        return jdbc.sql("select f.touchpoint, k.root_cause, count(*) as cases"
                        + " from feedback_case k join feedback f on f.feedback_id = k.feedback_id"
                        + " where f.nps_class = 'DETRACTOR' and k.root_cause is not null and " + FEEDBACK_IN_PERIOD
                        + " group by f.touchpoint, k.root_cause")
                .param("from", utc(period.from()))
                .param("to", utc(period.to()))
                .query((rs, row) ->
                        new RootCauseCount(rs.getString("touchpoint"), rs.getString("root_cause"), rs.getLong("cases")))
                .list();
    }

    /**
     * Every case that counts for the period: open now, or opened, closed, due or reopened in the period. A case is
     * grouped by the team triage gave it, or by its current assignee.
     */
    List<CaseFacts> cases(CaseGrouping grouping, ReportPeriod period) {
        String inPeriod = " >= :from and %s < :to";
        return jdbc.sql("select coalesce(" + grouping.column() + ", '" + UNKNOWN + "') as grp, k.status,"
                        + " k.opened_at, k.first_contact_at, k.closed_at, k.sla_due_at, k.breached, k.resolution,"
                        + " (select min(h.at) from case_history h where h.case_id = k.case_id"
                        + " and h.event = 'REOPENED') as reopened_at"
                        + " from feedback_case k"
                        + " where k.status in (:open)"
                        + " or (k.opened_at" + inPeriod.formatted("k.opened_at") + ")"
                        + " or (k.closed_at" + inPeriod.formatted("k.closed_at") + ")"
                        + " or (k.sla_due_at" + inPeriod.formatted("k.sla_due_at") + ")"
                        + " or exists (select 1 from case_history h where h.case_id = k.case_id"
                        + " and h.event = 'REOPENED' and h.at" + inPeriod.formatted("h.at") + ")")
                .param("open", OPEN_STATES)
                .param("from", utc(period.from()))
                .param("to", utc(period.to()))
                .query((rs, row) -> new CaseFacts(
                        rs.getString("grp"),
                        OPEN_STATES.contains(rs.getString("status")),
                        instant(rs, "opened_at"),
                        instant(rs, "first_contact_at"),
                        instant(rs, "closed_at"),
                        instant(rs, "sla_due_at"),
                        rs.getBoolean("breached"),
                        rs.getString("resolution"),
                        instant(rs, "reopened_at")))
                .list();
    }

    /** The detractors of a touchpoint and how many of them mention each topic (by topic name). */
    record TopicCounts(String touchpoint, long detractors, Map<String, Long> mentions) {}

    record RootCauseCount(String touchpoint, String rootCause, long cases) {}
}
