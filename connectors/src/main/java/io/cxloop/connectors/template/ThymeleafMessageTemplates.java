package io.cxloop.connectors.template;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;
import org.unbescape.html.HtmlEscape;

/**
 * Message templates rendered with a standalone Thymeleaf engine.
 *
 * <p>Each message kind has, per language, {@code templates/{kind}_{lang}.html} (HTML part; its {@code <title>} is the
 * subject) and {@code templates/{kind}_{lang}.txt} (plain-text part, Thymeleaf TEXT mode). A language without its own
 * template falls back to English, so English must exist for every kind. The optional override directory is consulted
 * before the classpath.
 *
 * <p>Which language a template is rendered in is looked up once per template and language and then reused as long as
 * a parsed template is (forever for the classpath, {@code cacheTtl} with an override directory): the look-up asks the
 * class loader and the directory for four files, which cost as much as a tenth of a rendering.
 */
public class ThymeleafMessageTemplates implements MessageTemplates {

    static final String FALLBACK_LANGUAGE = "en";
    private static final String CLASSPATH_PREFIX = "templates/";
    // Template names end up in file paths: no dots, slashes or other surprises.
    private static final Pattern KIND = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern TITLE =
            Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private final Path overrideDir;
    private final ClassLoader classLoader = ThymeleafMessageTemplates.class.getClassLoader();
    private final TemplateEngine engine = new TemplateEngine();
    // template and requested language -> the language rendered; bounded, as the requested languages come from customers
    private static final int MAX_LANGUAGES = 4096;
    private final Map<String, ResolvedLanguage> languages = new ConcurrentHashMap<>();
    private final long languageTtlNanos;

    private record ResolvedLanguage(String language, long resolvedAt) {}

    /** Templates from the classpath only. */
    public ThymeleafMessageTemplates() {
        this(null, null);
    }

    /**
     * @param overrideDir directory consulted before the classpath, or null
     * @param cacheTtl how long parsed templates are cached when an override directory is set; null for one minute
     */
    public ThymeleafMessageTemplates(Path overrideDir, Duration cacheTtl) {
        this.overrideDir = overrideDir;
        Long ttlMs = overrideDir == null ? null : (cacheTtl == null ? Duration.ofMinutes(1) : cacheTtl).toMillis();
        this.languageTtlNanos =
                ttlMs == null ? Long.MAX_VALUE : Duration.ofMillis(ttlMs).toNanos();
        if (overrideDir != null) {
            FileTemplateResolver files = new FileTemplateResolver();
            files.setPrefix(overrideDir.toAbsolutePath() + "/");
            engine.addTemplateResolver(configure(files, 1, ttlMs));
        }
        ClassLoaderTemplateResolver classpath = new ClassLoaderTemplateResolver(classLoader);
        classpath.setPrefix(CLASSPATH_PREFIX);
        engine.addTemplateResolver(configure(classpath, 2, ttlMs));
    }

    public ThymeleafMessageTemplates(TemplatesProperties properties) {
        this(properties.dir(), properties.cacheTtl());
    }

    private static AbstractConfigurableTemplateResolver configure(
            AbstractConfigurableTemplateResolver resolver, int order, Long ttlMs) {
        resolver.setOrder(order);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true); // lets the chain fall through from the override directory to the classpath
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setHtmlTemplateModePatterns(Set.of("*.html"));
        resolver.setTextTemplateModePatterns(Set.of("*.txt"));
        resolver.setCacheable(true);
        // A template added to the override directory must eventually win over a cached classpath one.
        resolver.setCacheTTLMs(ttlMs);
        return resolver;
    }

    @Override
    public RenderedMessage render(String template, Locale locale, Map<String, Object> variables) {
        String language = languageFor(template, locale);
        Context context = new Context(locale == null ? Locale.ENGLISH : locale, variables);
        String html = engine.process(fileName(template, language, "html"), context);
        String text = engine.process(fileName(template, language, "txt"), context);
        return new RenderedMessage(subjectOf(template, html), html, text);
    }

    @Override
    public boolean exists(String template) {
        return template != null && KIND.matcher(template).matches() && hasBothParts(template, FALLBACK_LANGUAGE);
    }

    private String languageFor(String template, Locale locale) {
        String requested = locale == null ? "" : locale.getLanguage();
        String key = template + '/' + requested;
        long now = System.nanoTime();
        ResolvedLanguage known = languages.get(key);
        if (known != null && now - known.resolvedAt() < languageTtlNanos) {
            return known.language();
        }
        String language = resolveLanguage(template, requested);
        if (known != null || languages.size() < MAX_LANGUAGES) {
            languages.put(key, new ResolvedLanguage(language, now));
        }
        return language;
    }

    private String resolveLanguage(String template, String language) {
        if (!exists(template)) {
            throw new IllegalArgumentException("No message template '" + template + "' (need "
                    + fileName(String.valueOf(template), FALLBACK_LANGUAGE, "html") + " and .txt)");
        }
        return LANGUAGE.matcher(language).matches() && hasBothParts(template, language) ? language : FALLBACK_LANGUAGE;
    }

    private boolean hasBothParts(String template, String language) {
        return found(fileName(template, language, "html")) && found(fileName(template, language, "txt"));
    }

    private boolean found(String fileName) {
        return (overrideDir != null && Files.isRegularFile(overrideDir.resolve(fileName)))
                || classLoader.getResource(CLASSPATH_PREFIX + fileName) != null;
    }

    private static String fileName(String template, String language, String extension) {
        return template + "_" + language + "." + extension;
    }

    private static String subjectOf(String template, String html) {
        Matcher title = TITLE.matcher(html);
        if (!title.find()) {
            throw new IllegalStateException("Message template '" + template + "' has no <title> to use as subject");
        }
        String subject =
                HtmlEscape.unescapeHtml(title.group(1)).replaceAll("\\s+", " ").strip();
        return Objects.requireNonNull(subject);
    }
}
