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

    public boolean exists(String eventId) {
        return jdbc.sql("select count(*) from journey_event where event_id = ?")
                        .param(eventId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Stores the event; a concurrent duplicate fails with {@link org.springframework.dao.DuplicateKeyException}. */
    public void insert(JourneyEventRequest event, Instant receivedAt) {
        jdbc.sql(
                        """
                insert into journey_event (event_id, customer_id, event_type, occurred_at, received_at, attributes)
                values (?, ?, ?, ?, ?, ?)""")
                .params(
                        event.eventId(),
                        event.customerId(),
                        event.type().name(),
                        utc(event.occurredAt()),
                        utc(receivedAt),
                        write(event.attributes()))
                .update();
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
