package org.tirelire.web.organiser;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.tirelire.web.page.FormInput;
import org.tirelire.web.platform.PlatformRequests.NewWebhook;

/** A webhook the organiser registers: where to send, and which events (checkboxes, at least one). */
public record WebhookForm(
        @NotBlank(message = "webhooks.error.missing") String url,
        @NotEmpty(message = "webhooks.error.missing") List<String> eventTypes) {

    public WebhookForm {
        url = FormInput.text(url);
        eventTypes = FormInput.texts(eventTypes);
    }

    NewWebhook toWebhook() {
        return new NewWebhook(url, eventTypes);
    }
}
