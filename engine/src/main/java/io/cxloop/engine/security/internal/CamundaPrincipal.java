package io.cxloop.engine.security.internal;

import java.io.Serializable;
import java.util.List;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * A user of Camunda's identity service as Spring Security sees it, with the groups read at login so that the
 * Camunda REST API and webapps need not query them again.
 */
public record CamundaPrincipal(String userId, List<String> groupIds) implements AuthenticatedPrincipal, Serializable {

    public CamundaPrincipal {
        groupIds = List.copyOf(groupIds);
    }

    @Override
    public String getName() {
        return userId;
    }
}
