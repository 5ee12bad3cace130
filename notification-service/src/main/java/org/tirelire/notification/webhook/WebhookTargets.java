package org.tirelire.notification.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import org.springframework.stereotype.Component;

/**
 * Where a webhook may point. The platform makes the request itself, from inside its network, so an
 * address on this machine or a private network is refused (it could reach a service or a database that
 * is not public), and so is plain http, except where {@code tirelire.webhooks.allow-local-targets}
 * says this is a laptop or a test. Checked when the webhook is registered and again before each delivery,
 * since a name can point elsewhere later.
 */
@Component
class WebhookTargets {

    private final WebhookProperties properties;

    WebhookTargets(WebhookProperties properties) {
        this.properties = properties;
    }

    /** The URL, checked; {@link WebhookTargetRefused} says why not. */
    URI check(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new WebhookTargetRefused("is not a valid URL");
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        boolean http = "http".equalsIgnoreCase(uri.getScheme());
        if (!https && !(http && properties.allowLocalTargets())) {
            throw new WebhookTargetRefused("must be an https:// URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new WebhookTargetRefused("must name a host, without user name or fragment");
        }
        if (!properties.allowLocalTargets()) {
            refusePrivateAddresses(uri.getHost());
        }
        return uri;
    }

    private static void refusePrivateAddresses(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new WebhookTargetRefused("names a host that cannot be found");
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress()
                    || address.isAnyLocalAddress()
                    || address.isSiteLocalAddress()
                    || address.isLinkLocalAddress()
                    || address.isMulticastAddress()
                    || isUniqueLocalIpv6(address)) {
                throw new WebhookTargetRefused("points to a private or local address");
            }
        }
    }

    /** fc00::/7, IPv6's private networks, which {@link InetAddress#isSiteLocalAddress} does not cover. */
    private static boolean isUniqueLocalIpv6(InetAddress address) {
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }
}
