package io.cxloop.engine.ruleset;

import static io.cxloop.engine.persistence.JdbcTime.instant;
import static io.cxloop.engine.persistence.JdbcTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RuleSetRepository {

    /** The active version as stored: the newest activation not rolled back; {@code version} null = built-in. */
    public record Activation(long activationId, Integer version, Instant activatedAt, String activatedBy) {}

    private final JdbcClient jdbc;

    public RuleSetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int nextVersion(String ruleSet) {
        return jdbc.sql("select coalesce(max(version), 0) + 1 from rule_set_version where rule_set = ?")
                .param(ruleSet)
                .query(Integer.class)
                .single();
    }

    public void insert(RuleSetVersion version) {
        jdbc.sql(
                        """
                insert into rule_set_version (rule_set, version, label, source_format, source_name, drl,
                    source_base64, scenarios, comment, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        version.ruleSet(),
                        version.version(),
                        version.label(),
                        version.format(),
                        version.sourceName(),
                        version.drl(),
                        version.sourceBase64(),
                        version.scenarios(),
                        version.comment(),
                        utc(version.createdAt()),
                        version.createdBy())
                .update();
    }

    public Optional<RuleSetVersion> find(String ruleSet, int version) {
        return jdbc.sql("select * from rule_set_version where rule_set = ? and version = ?")
                .params(ruleSet, version)
                .query(this::mapVersion)
                .optional();
    }

    public List<RuleSetVersion> versions(String ruleSet) {
        return jdbc.sql("select * from rule_set_version where rule_set = ? order by version")
                .param(ruleSet)
                .query(this::mapVersion)
                .list();
    }

    /** Cheap enough to poll: one indexed row. */
    public Optional<Activation> current(String ruleSet) {
        return jdbc.sql(
                        """
                select activation_id, version, activated_at, activated_by from rule_set_activation
                where rule_set = ? and rolled_back_at is null
                order by activation_id desc fetch first 1 rows only""")
                .param(ruleSet)
                .query(this::mapActivation)
                .optional();
    }

    public void activate(String ruleSet, Integer version, Instant at, String by) {
        jdbc.sql(
                        """
                insert into rule_set_activation (rule_set, version, activated_at, activated_by)
                values (?, ?, ?, ?)""")
                .params(ruleSet, version, utc(at), by)
                .update();
    }

    /** Marks one activation rolled back; false when another rollback got there first. */
    public boolean rollBack(long activationId, Instant at, String by) {
        return jdbc.sql(
                                """
                update rule_set_activation set rolled_back_at = ?, rolled_back_by = ?
                where activation_id = ? and rolled_back_at is null""")
                        .params(utc(at), by, activationId)
                        .update()
                == 1;
    }

    private RuleSetVersion mapVersion(ResultSet rs, int row) throws SQLException {
        return new RuleSetVersion(
                rs.getString("rule_set"),
                rs.getInt("version"),
                rs.getString("label"),
                rs.getString("source_format"),
                rs.getString("source_name"),
                rs.getString("drl"),
                rs.getString("source_base64"),
                rs.getString("scenarios"),
                rs.getString("comment"),
                instant(rs, "created_at"),
                rs.getString("created_by"));
    }

    private Activation mapActivation(ResultSet rs, int row) throws SQLException {
        int version = rs.getInt("version");
        return new Activation(
                rs.getLong("activation_id"),
                rs.wasNull() ? null : version,
                instant(rs, "activated_at"),
                rs.getString("activated_by"));
    }
}
