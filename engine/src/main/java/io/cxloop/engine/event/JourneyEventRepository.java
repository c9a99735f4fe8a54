package io.cxloop.engine.event;

import static io.cxloop.engine.persistence.JdbcTime.utc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JourneyEventRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public JourneyEventRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Stores the event unless its id is stored already (by an earlier or a concurrent transaction: PostgreSQL waits for
     * that one to end).
     *
     * @return false for a duplicate
     */
    public boolean insertIfNew(JourneyEventRequest event, Instant receivedAt) {
        return jdbc.sql(
                                """
                insert into journey_event (event_id, customer_id, event_type, occurred_at, received_at, attributes)
                values (?, ?, ?, ?, ?, ?)
                on conflict do nothing""")
                        .params(
                                event.eventId(),
                                event.customerId(),
                                event.type().name(),
                                utc(event.occurredAt()),
                                utc(receivedAt),
                                write(event.attributes()))
                        .update()
                == 1;
    }

    private String write(EventAttributes attributes) {
        if (attributes == null) {
            return null;
        }
        try {
            return json.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
