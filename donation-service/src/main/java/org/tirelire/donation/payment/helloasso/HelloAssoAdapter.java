package org.tirelire.donation.payment.helloasso;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.tirelire.donation.payment.PaymentProvider;
import org.tirelire.donation.payment.ProviderAdapter;
import org.tirelire.donation.payment.ProviderKind;
import org.tirelire.donation.payment.ProviderUnavailable;
import org.tirelire.donation.payment.account.Credentials;

/** HelloAsso Checkout, free for French associations, through its API v5 (it offers no Java client). */
@Component
@EnableConfigurationProperties(HelloAssoProperties.class)
class HelloAssoAdapter implements ProviderAdapter {

    private final HelloAssoProperties properties;
    private final Clock clock;

    /**
     * One client per organisation's credentials: its access token (valid 30 minutes) then serves every
     * gift, refund and notification, instead of a token asked for each.
     */
    private final Map<Credentials.HelloAsso, HelloAssoApi> clients = new ConcurrentHashMap<>();

    HelloAssoAdapter(HelloAssoProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.HELLOASSO;
    }

    @Override
    public PaymentProvider actingFor(Credentials credentials) {
        return new HelloAssoCheckout(api((Credentials.HelloAsso) credentials));
    }

    /** A token for the client, then the organisation read with it: both must answer. */
    @Override
    public Connection check(Credentials credentials) {
        Credentials.HelloAsso helloAsso = (Credentials.HelloAsso) credentials;
        try {
            newApi(helloAsso).organisation(); // credentials on trial are not kept, nor their client
            return Connection.ok();
        } catch (HelloAssoApi.Refused refused) {
            return Connection.refusedBecause(
                    refused.status == 401 || refused.status == 400
                            ? "HelloAsso refused this client id and secret: copy them again from your HelloAsso back office"
                            : "This API client may not act for the organisation '" + helloAsso.organisationSlug()
                                    + "' on HelloAsso: check its slug, and that the client is the organisation's");
        } catch (ProviderUnavailable unreachable) {
            return Connection.refusedBecause("HelloAsso could not be reached: nothing was changed, try again");
        }
    }

    HelloAssoApi api(Credentials.HelloAsso credentials) {
        return clients.computeIfAbsent(credentials, this::newApi);
    }

    private HelloAssoApi newApi(Credentials.HelloAsso credentials) {
        return new HelloAssoApi(properties.apiBase(), credentials, clock);
    }
}
