package io.cxloop.engine.trigger;

import static io.cxloop.engine.persistence.JdbcTime.utc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Trigger versions are immutable rows; a head row points at the current version. Parsed versions are cached by
 * key and version, which is always correct because a version never changes.
 */
@Repository
public class TriggerRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Map<String, ReconnectTrigger> versions = new ConcurrentHashMap<>();

    public TriggerRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Current versions of all triggers that are not deleted, by key. */
    public List<ReconnectTrigger> findAllCurrent() {
        return jdbc.sql("select trigger_key, current_version from reconnect_trigger where deleted = false order by 1")
                .query((rs, n) -> version(rs.getString(1), rs.getInt(2)))
                .list();
    }

    public Optional<ReconnectTrigger> findCurrent(String key) {
        return jdbc.sql("select current_version from reconnect_trigger where trigger_key = ? and deleted = false")
                .param(key)
                .query(Integer.class)
                .optional()
                .map(version -> version(key, version));
    }

    /** Whether a trigger with this key was ever created (also when deleted since). */
    public boolean everExisted(String key) {
        return jdbc.sql("select count(*) from reconnect_trigger where trigger_key = ?")
                        .param(key)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public List<ReconnectTrigger> history(String key) {
        return jdbc
                .sql("select version from reconnect_trigger_version where trigger_key = ? order by version")
                .param(key)
                .query(Integer.class)
                .list()
                .stream()
                .map(version -> version(key, version))
                .toList();
    }

    public ReconnectTrigger version(String key, int version) {
        return versions.computeIfAbsent(key + "@" + version, id -> load(key, version));
    }

    /** Inserts the first version of a new trigger, or of a deleted one that is created again. */
    public void insertFirst(ReconnectTrigger trigger) {
        int revived = jdbc.sql(
                        "update reconnect_trigger set current_version = ?, deleted = false, updated_at = ? where trigger_key = ? and deleted = true")
                .params(trigger.version(), utc(trigger.createdAt()), trigger.key())
                .update();
        if (revived == 0) {
            jdbc.sql(
                            "insert into reconnect_trigger (trigger_key, current_version, deleted, updated_at) values (?, ?, false, ?)")
                    .params(trigger.key(), trigger.version(), utc(trigger.createdAt()))
                    .update();
        }
        insertVersion(trigger);
    }

    /** Adds a new version and makes it current; false when {@code expectedVersion} is no longer current. */
    public boolean insertNext(ReconnectTrigger trigger, int expectedVersion) {
        insertVersion(trigger);
        return jdbc.sql(
                                "update reconnect_trigger set current_version = ?, updated_at = ? where trigger_key = ? and current_version = ? and deleted = false")
                        .params(trigger.version(), utc(trigger.createdAt()), trigger.key(), expectedVersion)
                        .update()
                == 1;
    }

    public int maxVersion(String key) {
        return jdbc.sql("select coalesce(max(version), 0) from reconnect_trigger_version where trigger_key = ?")
                .param(key)
                .query(Integer.class)
                .single();
    }

    public boolean markDeleted(String key, Instant at) {
        return jdbc.sql(
                                "update reconnect_trigger set deleted = true, updated_at = ? where trigger_key = ? and deleted = false")
                        .params(utc(at), key)
                        .update()
                == 1;
    }

    private void insertVersion(ReconnectTrigger trigger) {
        jdbc.sql(
                        "insert into reconnect_trigger_version (trigger_key, version, definition, created_at, created_by) values (?, ?, ?, ?, ?)")
                .params(trigger.key(), trigger.version(), write(trigger), utc(trigger.createdAt()), trigger.createdBy())
                .update();
    }

    private ReconnectTrigger load(String key, int version) {
        String definition = jdbc.sql(
                        "select definition from reconnect_trigger_version where trigger_key = ? and version = ?")
                .params(key, version)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new IllegalStateException("no trigger version " + key + "@" + version));
        try {
            return json.readValue(definition, ReconnectTrigger.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored trigger " + key + "@" + version + " is unreadable", e);
        }
    }

    private String write(ReconnectTrigger trigger) {
        try {
            return json.writeValueAsString(trigger);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
