package io.cxloop.rules.nba;

import io.cxloop.rules.model.CustomerProfile;
import java.time.Instant;
import java.util.List;

/** Everything the next-best-action rules look at. */
public record NextBestActionRequest(
        CustomerProfile customer, ReconnectContext reconnect, List<ContactRecord> recentContacts, Instant now) {

    public NextBestActionRequest {
        recentContacts = recentContacts == null ? List.of() : List.copyOf(recentContacts);
    }
}
