package io.cxloop.engine.survey;

import static io.cxloop.engine.persistence.JdbcTime.instant;
import static io.cxloop.engine.persistence.JdbcTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code survey} table. */
@Repository
public class SurveyRepository {

    private final JdbcClient jdbc;

    public SurveyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Survey survey) {
        jdbc.sql(
                        """
                insert into survey (survey_id, customer_id, case_id, touchpoint, journey_stage, channel,
                    transaction_ref, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        survey.surveyId(),
                        survey.customerId(),
                        survey.caseId(),
                        survey.touchpoint(),
                        survey.journeyStage(),
                        survey.channel(),
                        survey.transactionRef(),
                        utc(survey.createdAt()),
                        utc(survey.expiresAt()))
                .update();
    }

    public Optional<Survey> find(String surveyId) {
        return jdbc.sql("select * from survey where survey_id = ?")
                .param(surveyId)
                .query(SurveyRepository::map)
                .optional();
    }

    /** Locks the survey's row until the transaction ends, so that two answers at once are taken one after the other. */
    public Optional<Survey> lock(String surveyId) {
        return jdbc.sql("select * from survey where survey_id = ? for update")
                .param(surveyId)
                .query(SurveyRepository::map)
                .optional();
    }

    /** Records the answer; false when it had been answered already. */
    public boolean answer(String surveyId, String feedbackId, Instant at) {
        return jdbc.sql(
                                """
                        update survey set answered_at = ?, answer_feedback_id = ?
                        where survey_id = ? and answered_at is null""")
                        .params(utc(at), feedbackId, surveyId)
                        .update()
                == 1;
    }

    /** When the customer was last invited to a survey after an event (not a follow-up); empty for never. */
    public Optional<Instant> lastInvitedAt(String customerId) {
        return jdbc
                .sql("select max(created_at) as last_invited from survey where customer_id = ? and case_id is null")
                .param(customerId)
                .query((rs, n) -> instant(rs, "last_invited"))
                .list()
                .stream()
                .filter(Objects::nonNull)
                .findFirst();
    }

    private static Survey map(ResultSet rs, int row) throws SQLException {
        return new Survey(
                rs.getString("survey_id"),
                rs.getString("customer_id"),
                rs.getString("case_id"),
                rs.getString("touchpoint"),
                rs.getString("journey_stage"),
                rs.getString("channel"),
                rs.getString("transaction_ref"),
                instant(rs, "created_at"),
                instant(rs, "expires_at"),
                instant(rs, "answered_at"),
                rs.getString("answer_feedback_id"));
    }
}
