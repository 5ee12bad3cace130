package org.tirelire.identity;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The identity module alone on a WebFlux server, as the gateway process runs it but without the edge. */
@SpringBootConfiguration
@EnableAutoConfiguration
class IdentityTestApplication {}
