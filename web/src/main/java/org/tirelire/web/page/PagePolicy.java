package org.tirelire.web.page;

import java.util.List;

/**
 * The Content-Security-Policy the edge gives every page (gateway's {@code GatewayConfiguration}, which
 * cannot see this module: keep the two in step), widened for the giving page. Once a gift is recorded,
 * the giving form's answer sends the donor on to the provider's payment page, and browsers check that
 * redirect against {@code form-action} too.
 */
public final class PagePolicy {

    private PagePolicy() {}

    /** The pages' policy, with form submissions allowed to lead to these origins as well. */
    public static String withFormsLeadingTo(List<String> formTargets) {
        return policy(formTargets, "'none'");
    }

    /**
     * The pages' policy for a widget, which these sites (origins) may show in a frame, besides the platform's
     * own pages; nothing else relaxed.
     */
    public static String framedBy(List<String> origins) {
        return framedByWithFormsLeadingTo(origins, List.of());
    }

    /**
     * The embedded giving form's policy: framed by these sites (origins), and its submission may lead on to
     * the payment providers' pages.
     */
    public static String framedByWithFormsLeadingTo(List<String> origins, List<String> formTargets) {
        return policy(formTargets, origins.isEmpty() ? "'self'" : "'self' " + String.join(" ", origins));
    }

    private static String policy(List<String> formTargets, String frameAncestors) {
        String formAction = formTargets.isEmpty() ? "'self'" : "'self' " + String.join(" ", formTargets);
        return "default-src 'self'; img-src 'self' https: data:; object-src 'none'; base-uri 'self'; form-action "
                + formAction + "; frame-ancestors " + frameAncestors;
    }
}
