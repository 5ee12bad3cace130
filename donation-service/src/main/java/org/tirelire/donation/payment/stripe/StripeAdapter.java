package org.tirelire.donation.payment.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.StripeException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.tirelire.donation.payment.PaymentProvider;
import org.tirelire.donation.payment.ProviderAdapter;
import org.tirelire.donation.payment.ProviderKind;
import org.tirelire.donation.payment.account.Credentials;

/**
 * Stripe, through its official Java client ({@code stripe-java}): one client per organisation's key,
 * pointed at {@link StripeProperties#apiBase()}, retrying network failures itself with the idempotency
 * keys each call carries.
 */
@Component
@EnableConfigurationProperties(StripeProperties.class)
class StripeAdapter implements ProviderAdapter {

    private final StripeProperties properties;

    StripeAdapter(StripeProperties properties) {
        this.properties = properties;
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.STRIPE;
    }

    @Override
    public PaymentProvider actingFor(Credentials credentials) {
        return new StripeCheckout(client((Credentials.Stripe) credentials));
    }

    /** Reading the account's balance needs a valid key, and changes nothing. */
    @Override
    public Connection check(Credentials credentials) {
        try {
            client((Credentials.Stripe) credentials).balance().retrieve();
            return Connection.ok();
        } catch (PermissionException restricted) {
            return Connection.refusedBecause("This restricted key may not read the account: give it read access to the"
                    + " balance, and write access to Checkout Sessions and refunds");
        } catch (AuthenticationException refused) {
            return Connection.refusedBecause("Stripe refused this secret key: copy it again from the Stripe dashboard");
        } catch (ApiConnectionException unreachable) {
            return Connection.refusedBecause("Stripe could not be reached: nothing was changed, try again");
        } catch (StripeException other) {
            return Connection.refusedBecause("Stripe answered: " + other.getMessage());
        }
    }

    StripeClient client(Credentials.Stripe credentials) {
        return StripeClient.builder()
                .setApiKey(credentials.secretKey())
                .setApiBase(properties.apiBase())
                .setMaxNetworkRetries(2)
                .setConnectTimeout(5_000)
                .setReadTimeout(20_000)
                .build();
    }
}
