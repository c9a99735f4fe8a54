package io.cxloop.engine.offer;

import static io.cxloop.engine.persistence.JdbcTime.instant;
import static io.cxloop.engine.persistence.JdbcTime.utc;

import io.cxloop.rules.model.OfferKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The analysts' levers, one row per offer kind and trigger ({@code *}: every trigger). */
@Repository
public class OfferLeverRepository {

    private static final String EVERY_TRIGGER = "*";

    private final JdbcClient jdbc;

    public OfferLeverRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public OfferLevers findAll() {
        List<OfferLever> levers = new ArrayList<>();
        Instant[] updatedAt = {null};
        String[] updatedBy = {null};
        jdbc.sql("select * from offer_lever order by trigger_key, offer_kind").query(rs -> {
            String trigger = rs.getString("trigger_key");
            levers.add(new OfferLever(
                    OfferKind.valueOf(rs.getString("offer_kind")),
                    EVERY_TRIGGER.equals(trigger) ? null : trigger,
                    rs.getDouble("lever")));
            Instant at = instant(rs, "updated_at");
            if (updatedAt[0] == null || at.isAfter(updatedAt[0])) {
                updatedAt[0] = at;
                updatedBy[0] = rs.getString("updated_by");
            }
        });
        return new OfferLevers(levers, updatedAt[0], updatedBy[0]);
    }

    /** Replaces every lever. */
    public void replaceAll(List<OfferLever> levers, Instant at, String user) {
        jdbc.sql("delete from offer_lever").update();
        for (OfferLever lever : levers) {
            jdbc.sql(
                            """
                    insert into offer_lever (offer_kind, trigger_key, lever, updated_at, updated_by)
                    values (?, ?, ?, ?, ?)""")
                    .params(
                            lever.kind().name(),
                            lever.trigger() == null ? EVERY_TRIGGER : lever.trigger(),
                            lever.lever(),
                            utc(at),
                            user)
                    .update();
        }
    }

    /** The lever of each kind in a trigger's decisions: the trigger's own, else the one for every trigger. */
    public Map<OfferKind, Double> forTrigger(String triggerKey) {
        Map<OfferKind, Double> everyTrigger = new EnumMap<>(OfferKind.class);
        Map<OfferKind, Double> levers = new EnumMap<>(OfferKind.class);
        jdbc.sql("select offer_kind, trigger_key, lever from offer_lever where trigger_key in (?, ?)")
                .params(EVERY_TRIGGER, triggerKey)
                .query(rs -> {
                    OfferKind kind = OfferKind.valueOf(rs.getString("offer_kind"));
                    (EVERY_TRIGGER.equals(rs.getString("trigger_key")) ? everyTrigger : levers)
                            .put(kind, rs.getDouble("lever"));
                });
        everyTrigger.forEach(levers::putIfAbsent);
        return levers;
    }

    /** Whether a trigger with this key was ever created. */
    boolean triggerExists(String triggerKey) {
        return jdbc.sql("select count(*) from reconnect_trigger where trigger_key = ?")
                        .param(triggerKey)
                        .query(Integer.class)
                        .single()
                > 0;
    }
}
