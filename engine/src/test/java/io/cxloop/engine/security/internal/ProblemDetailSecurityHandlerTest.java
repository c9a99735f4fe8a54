package io.cxloop.engine.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;

class ProblemDetailSecurityHandlerTest {

    private final ObjectMapper objectMapper = Jackson2ObjectMapperBuilder.json().build();
    private final ProblemDetailSecurityHandler handler = new ProblemDetailSecurityHandler(objectMapper, "cxloop");

    @Test
    void aMissingLoginIsA401WithABasicChallenge() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        handler.commence(request(), response, new BadCredentialsException("Bad credentials"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"cxloop\"");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = objectMapper.readTree(response.getContentAsByteArray());
        assertThat(problem.path("status").asInt()).isEqualTo(401);
        assertThat(problem.path("title").asText()).isEqualTo("Unauthorized");
        assertThat(problem.path("instance").asText()).isEqualTo("/api/triggers");
        assertThat(problem.path("detail").asText()).doesNotContainIgnoringCase("bad credentials");
    }

    @Test
    void aMissingRoleIsA403() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        handler.handle(request(), response, new AccessDeniedException("Access Denied"));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getHeader("WWW-Authenticate")).isNull();
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = objectMapper.readTree(response.getContentAsByteArray());
        assertThat(problem.path("status").asInt()).isEqualTo(403);
        assertThat(problem.path("title").asText()).isEqualTo("Forbidden");
    }

    private static MockHttpServletRequest request() {
        return new MockHttpServletRequest("POST", "/api/triggers");
    }
}
