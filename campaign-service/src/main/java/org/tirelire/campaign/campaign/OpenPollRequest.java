package org.tirelire.campaign.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A poll as the organiser asks it: "Quelle chanson la chorale chante-t-elle ensuite ?" and two to six answers.
 * Opening one closes the poll open before it.
 */
public record OpenPollRequest(
        @NotBlank @Size(max = 140) String question,

        @NotNull @Size(min = Poll.MIN_OPTIONS, max = Poll.MAX_OPTIONS)
        List<@NotBlank @Size(max = 60) String> options) {}
