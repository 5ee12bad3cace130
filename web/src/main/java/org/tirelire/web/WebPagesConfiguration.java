package org.tirelire.web;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/**
 * The web pages, switched on by being on the classpath: the gateway process includes this module at run
 * time without its code knowing it (ADR 11, ADR 16). Templates, messages and assets come with the jar.
 */
@AutoConfiguration
@ComponentScan
public class WebPagesConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
