package org.tirelire.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTargetsTest {

    private final WebhookTargets onAServer = new WebhookTargets(new WebhookProperties(false, 10));
    private final WebhookTargets onALaptop = new WebhookTargets(new WebhookProperties(true, 10));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://93.184.216.34/hook", // plain http
                "https://127.0.0.1:8081/api/campaigns", // a service of the platform itself
                "https://localhost/hook",
                "https://10.1.2.3/hook",
                "https://192.168.1.10/hook",
                "https://172.16.0.5/hook",
                "https://169.254.169.254/latest/meta-data", // a cloud's metadata service
                "https://[::1]/hook",
                "https://[fd12:3456::1]/hook",
                "https://0.0.0.0/hook",
                "https://user:password@93.184.216.34/hook",
                "ftp://93.184.216.34/hook",
                "not a url"
            })
    void a_server_never_calls_inside_its_own_network_nor_over_plain_http(String url) {
        assertThatThrownBy(() -> onAServer.check(url)).isInstanceOf(WebhookTargetRefused.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/hook", "https://[2606:2800:220:1::1]/tirelire?source=dons"})
    void a_public_https_address_is_accepted(String url) {
        assertThat(onAServer.check(url).toString()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9000/hook", "http://localhost:3000/webhooks"})
    void a_laptop_may_call_a_receiver_on_itself(String url) {
        assertThat(onALaptop.check(url).toString()).isEqualTo(url);
    }
}
