package org.tirelire.donation.moderation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tirelire.contracts.access.Capability;
import org.tirelire.kit.security.Organiser;

/** The organisation's held words: a donor's message containing one waits until someone shows it. */
@RestController
class ModerationController {

    private final MessageModeration moderation;

    ModerationController(MessageModeration moderation) {
        this.moderation = moderation;
    }

    record HeldWordsView(List<String> words) {}

    record HeldWordsChange(
            @NotNull @Size(max = MessageModeration.MOST_WORDS)
            List<String> words) {}

    @GetMapping("/api/organisations/me/moderation")
    HeldWordsView words(@AuthenticationPrincipal Jwt token) {
        String organisationId =
                Organiser.from(token).permittedTo(Capability.MODERATE_MESSAGES).organisationId();
        return new HeldWordsView(moderation.wordsOf(organisationId));
    }

    @PutMapping("/api/organisations/me/moderation")
    HeldWordsView replace(@AuthenticationPrincipal Jwt token, @Valid @RequestBody HeldWordsChange change) {
        String organisationId =
                Organiser.from(token).permittedTo(Capability.MODERATE_MESSAGES).organisationId();
        return new HeldWordsView(moderation.replace(organisationId, change.words()));
    }
}
