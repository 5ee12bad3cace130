package org.tirelire.notification.email;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Every email the platform sends comes from templates in one place, {@code src/main/resources/email/}:
 * {@code <name>.html} and {@code <name>.txt} for the two parts, the subject as {@code <name>.subject} in
 * {@code email/messages.properties} (French) and {@code messages_en.properties} (English). Templates
 * write what a person typed with {@code th:text}, so it is escaped in the HTML part.
 */
@Component
public class EmailTemplates {

    public static final Locale FRENCH = Locale.FRANCE;
    public static final Locale ENGLISH = Locale.UK;

    private final SpringTemplateEngine html;
    private final SpringTemplateEngine text;
    private final ResourceBundleMessageSource messages;
    private final ZoneId zone;

    EmailTemplates() {
        this(ZoneId.of("Europe/Paris"));
    }

    EmailTemplates(ZoneId zone) {
        this.zone = zone;
        this.messages = new ResourceBundleMessageSource();
        messages.setBasename("email/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        this.html = engine(TemplateMode.HTML, ".html");
        this.text = engine(TemplateMode.TEXT, ".txt");
    }

    /** French unless {@code language} is {@code en}: the languages the platform writes in. */
    public static Locale localeOf(String language) {
        return "en".equals(language) ? ENGLISH : FRENCH;
    }

    /**
     * @param subjectArguments what the subject's {@code {0}}, {@code {1}}… stand for
     * @param variables what the templates use; {@code fmt} (amounts and dates) is always there
     */
    public RenderedEmail render(
            String template, Locale locale, Object[] subjectArguments, Map<String, Object> variables) {
        Context context = new Context(locale);
        context.setVariables(variables);
        context.setVariable("fmt", new EmailFormat(locale, zone));
        return new RenderedEmail(
                messages.getMessage(template + ".subject", subjectArguments, locale),
                text.process(template, context),
                html.process(template, context));
    }

    private SpringTemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("email/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        return engine;
    }
}
