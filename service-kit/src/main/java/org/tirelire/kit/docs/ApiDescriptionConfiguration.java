package org.tirelire.kit.docs;

import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.Arrays;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.Nullness;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * How each service describes its part of the public API: OpenAPI 3.1 at {@code /v3/api-docs} on the
 * service's own port, {@code /api} paths only (settings in {@code tirelire-api-docs.properties}). An
 * operation that reads the organiser's access token says so; the gateway joins the services' parts
 * into the one document the public reads, adding the security schemes and the problem responses that
 * every operation shares.
 */
@AutoConfiguration
@PropertySource("classpath:tirelire-api-docs.properties")
public class ApiDescriptionConfiguration {

    /** The scheme's name in the joined document's components (the gateway's JoinedApiDocument defines it). */
    public static final String BEARER_SCHEME = "bearerAuth";

    static {
        // A live stream's events are text (text/event-stream), not the emitter object that sends them.
        SpringDocUtils.getConfig().replaceWithClass(SseEmitter.class, String.class);
    }

    @Bean
    OperationCustomizer organiserTokenRequirement() {
        return (operation, handler) -> {
            Arrays.stream(handler.getMethodParameters())
                    .filter(parameter -> Jwt.class.isAssignableFrom(parameter.getParameterType()))
                    .findFirst()
                    .ifPresent(token -> {
                        // A token the operation can do without (an organiser sees their drafts too): the
                        // empty requirement says "or none".
                        if (Nullness.forMethodParameter(token) == Nullness.NULLABLE) {
                            operation.addSecurityItem(new SecurityRequirement());
                        }
                        operation.addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
                    });
            return operation;
        };
    }
}
