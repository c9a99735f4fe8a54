package io.cxloop.engine.customer;

import static io.cxloop.engine.persistence.JdbcTime.instant;
import static io.cxloop.engine.persistence.JdbcTime.utc;

import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.ValueSegment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CustomerRepository {

    private final JdbcClient jdbc;

    public CustomerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The customer with their consents, in one statement (a row per consent). */
    public Optional<Customer> find(String customerId) {
        return jdbc.sql(
                        """
                select c.*, cc.channel as consent_channel, cc.granted as consent_granted
                from customer c left join customer_consent cc on cc.customer_id = c.customer_id
                where c.customer_id = ?""")
                .param(customerId)
                .query(rs -> {
                    if (!rs.next()) {
                        return Optional.<Customer>empty();
                    }
                    Customer customer = map(rs, Map.of());
                    Map<Channel, Boolean> consents = new EnumMap<>(Channel.class);
                    do {
                        String channel = rs.getString("consent_channel");
                        if (channel != null) {
                            consents.put(Channel.valueOf(channel), rs.getBoolean("consent_granted"));
                        }
                    } while (rs.next());
                    return Optional.of(customer.withConsents(consents));
                });
    }

    /** Locks the customer's row until the transaction ends; false when there is no such customer. */
    public boolean lockForUpdate(String customerId) {
        return jdbc.sql("select customer_id from customer where customer_id = ? for update")
                .param(customerId)
                .query(String.class)
                .optional()
                .isPresent();
    }

    /** Inserts or updates; returns true when the customer was created. */
    public boolean save(Customer customer) {
        OffsetDateTime now = utc(customer.updatedAt());
        int updated = jdbc.sql(
                        """
                update customer set first_name = ?, last_name = ?, email = ?, phone = ?, language = ?, timezone = ?,
                    value_segment = ?, updated_at = ?
                where customer_id = ?""")
                .params(
                        customer.firstName(),
                        customer.lastName(),
                        customer.email(),
                        customer.phone(),
                        customer.language(),
                        customer.timezone(),
                        customer.valueSegment().name(),
                        now,
                        customer.customerId())
                .update();
        boolean created = updated == 0;
        if (created) {
            jdbc.sql(
                            """
                    insert into customer (customer_id, first_name, last_name, email, phone, language, timezone,
                        value_segment, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            customer.customerId(),
                            customer.firstName(),
                            customer.lastName(),
                            customer.email(),
                            customer.phone(),
                            customer.language(),
                            customer.timezone(),
                            customer.valueSegment().name(),
                            now,
                            now)
                    .update();
        }
        for (Map.Entry<Channel, Boolean> consent : customer.consents().entrySet()) {
            int changed = jdbc.sql(
                            "update customer_consent set granted = ?, updated_at = ? where customer_id = ? and channel = ?")
                    .params(
                            consent.getValue(),
                            now,
                            customer.customerId(),
                            consent.getKey().name())
                    .update();
            if (changed == 0) {
                jdbc.sql("insert into customer_consent (customer_id, channel, granted, updated_at) values (?, ?, ?, ?)")
                        .params(customer.customerId(), consent.getKey().name(), consent.getValue(), now)
                        .update();
            }
        }
        return created;
    }

    /** The customer no longer consents to the channel (e.g. one-click unsubscribe); true when the customer exists. */
    public boolean withdrawConsent(String customerId, Channel channel, Instant at) {
        if (!lockForUpdate(customerId)) {
            return false;
        }
        int changed = jdbc.sql(
                        "update customer_consent set granted = false, updated_at = ? where customer_id = ? and channel = ?")
                .params(utc(at), customerId, channel.name())
                .update();
        if (changed == 0) {
            jdbc.sql("insert into customer_consent (customer_id, channel, granted, updated_at) values (?, ?, false, ?)")
                    .params(customerId, channel.name(), utc(at))
                    .update();
        }
        return true;
    }

    private static Customer map(ResultSet rs, Map<Channel, Boolean> consents) throws SQLException {
        return new Customer(
                rs.getString("customer_id"),
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getString("language"),
                rs.getString("timezone"),
                consents,
                ValueSegment.valueOf(rs.getString("value_segment")),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }
}
