package org.tirelire.web.organiser;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;
import org.tirelire.identity.api.OrganisationTeam;
import org.tirelire.identity.api.RoleNeeded;
import org.tirelire.web.page.PageNotFound;
import org.tirelire.web.session.OrganiserSession;
import reactor.core.publisher.Mono;

/** The organisation's audit log for its administrators: the latest entries, and all of the year as CSV. */
@Controller
class AuditPages {

    private static final int SHOWN = 200;
    private static final int EXPORTED = 1000;

    private final OrganisationTeam team;
    private final OrganiserSession sessions;

    AuditPages(OrganisationTeam team, OrganiserSession sessions) {
        this.team = team;
        this.sessions = sessions;
    }

    @GetMapping("/organiser/audit")
    Mono<String> audit(ServerWebExchange exchange, Model model) {
        return sessions.required(exchange)
                .flatMap(organiser -> team.auditLog(organiser.token(), SHOWN))
                .map(entries -> {
                    model.addAttribute("entries", entries);
                    return "organiser/audit";
                })
                // Not an administrator: as for any page they may not see.
                .onErrorMap(RoleNeeded.class, e -> new PageNotFound());
    }

    @GetMapping("/organiser/audit.csv")
    Mono<ResponseEntity<String>> csv(ServerWebExchange exchange) {
        return sessions.required(exchange)
                .flatMap(organiser -> team.auditCsv(organiser.token(), EXPORTED))
                .map(csv -> ResponseEntity.ok()
                        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"journal.csv\"")
                        .body(csv))
                .onErrorMap(RoleNeeded.class, e -> new PageNotFound());
    }
}
