package org.tirelire.web.organiser;

import jakarta.validation.constraints.NotBlank;
import org.tirelire.web.page.FormInput;
import org.tirelire.web.platform.PlatformRequests.NewsPost;

/** News ("actualité") the organiser posts on a campaign; both fields are needed. */
public record NewsForm(
        @NotBlank(message = "news.error.empty") String title,
        @NotBlank(message = "news.error.empty") String body) {

    public NewsForm {
        title = FormInput.text(title);
        body = FormInput.text(body);
    }

    NewsPost toNews() {
        return new NewsPost(title, body);
    }
}
