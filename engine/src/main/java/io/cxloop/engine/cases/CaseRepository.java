package io.cxloop.engine.cases;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code feedback_case} table and each case's history. */
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
}
