package org.tirelire.donation.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tirelire.contracts.ids.DonationId;
import org.tirelire.contracts.money.Money;
import tools.jackson.databind.json.JsonMapper;

/** The sandbox's webhooks, received by a real HTTP server standing in for donation-service's endpoint. */
class SandboxPaymentProviderTest {

    private final AtomicInteger webhooksReceived = new AtomicInteger();
    private final CountDownLatch answer = new CountDownLatch(1);
    private HttpServer endpoint;
    private SandboxPaymentProvider sandbox;

    @BeforeEach
    void listen() throws Exception {
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/webhook", exchange -> {
            webhooksReceived.incrementAndGet();
            try {
                answer.await(10, TimeUnit.SECONDS); // a service too busy to answer at once
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        endpoint.setExecutor(Executors.newCachedThreadPool()); // each webhook counted as it arrives
        endpoint.start();
        sandbox = new SandboxPaymentProvider(
                new SandboxProperties(null, Duration.ofMillis(10)),
                JsonMapper.builder().build(),
                Clock.systemUTC());
        sandbox.sendWebhooksTo(
                URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/webhook"));
    }

    @AfterEach
    void stop() {
        answer.countDown();
        sandbox.destroy();
        endpoint.stop(0);
    }

    @Test
    void a_follow_up_sends_again_only_a_webhook_that_is_not_already_on_its_way() {
        DonationId donation = DonationId.of("3f1c2b7e-8d4a-4c55-9e21-5b7a0c9d1e42");
        PaymentProvider.PaymentStart start = sandbox.start(new PaymentRequest(
                donation,
                Money.of(25_00, "EUR"),
                SandboxPaymentProvider.SUCCEEDS,
                URI.create("http://localhost/thanks"),
                "Gala en direct",
                null));
        String reference = ((PaymentProvider.PaymentStart.Accepted) start).paymentReference();
        await().atMost(Duration.ofSeconds(5)).until(() -> webhooksReceived.get() == 1);

        // The follow-up of stalled payments comes while the first webhook still waits for its answer.
        sandbox.followUp(donation, reference);
        sandbox.followUp(donation, reference);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> webhooksReceived.get() == 1);

        answer.countDown();
        // Answered: a later follow-up (the payment still unsettled, say) sends it again.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            sandbox.followUp(donation, reference);
            assertThat(webhooksReceived.get()).isGreaterThanOrEqualTo(2);
        });
    }
}
