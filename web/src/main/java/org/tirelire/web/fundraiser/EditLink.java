package org.tirelire.web.fundraiser;

import java.nio.charset.StandardCharsets;
import org.springframework.web.util.UriUtils;
import org.tirelire.web.page.FormInput;

/**
 * The private link a supporter keeps to edit or close their page: it carries the page's edit token,
 * which the forms of the private page send back.
 */
public record EditLink(String token) {

    public EditLink {
        token = FormInput.text(token);
    }

    static String to(String slug, String token) {
        return "/fundraisers/" + slug + "/edit?token=" + UriUtils.encodeQueryParam(token, StandardCharsets.UTF_8);
    }
}
