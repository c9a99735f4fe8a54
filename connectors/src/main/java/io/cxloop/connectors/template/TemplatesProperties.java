package io.cxloop.connectors.template;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where message templates come from.
 *
 * @param dir optional directory consulted before the classpath, so operators can edit templates without a release;
 *     files are named like the classpath ones ({@code reconnect-offer_de.html}, {@code reconnect-offer_de.txt})
 * @param cacheTtl how long a parsed template is reused before the directory is looked at again
 */
@ConfigurationProperties("cxloop.templates")
public record TemplatesProperties(Path dir, @DefaultValue("1m") Duration cacheTtl) {}
