package io.cxloop.engine.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every engine integration test: the whole application on a random port with an in-memory H2 (or PostgreSQL
 * with {@code -Ppostgres}, see {@link TestDatabase}), the embedded broker and a real SMTP server (GreenMail). All
 * subclasses share one Spring context and one GreenMail, so tests use their own customers and addresses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestDatabase.Profiles.class)
@Import(TestDatabase.SchemaLifecycle.class)
public abstract class EngineIT {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-test-password";

    protected static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @Autowired
    protected TestRestTemplate anonymous;

    /** The REST API as the admin (who has every role). */
    protected TestRestTemplate admin() {
        return anonymous.withBasicAuth(ADMIN, ADMIN_PASSWORD);
    }
}
