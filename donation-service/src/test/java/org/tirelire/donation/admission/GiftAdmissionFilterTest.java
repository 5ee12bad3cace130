package org.tirelire.donation.admission;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tirelire.contracts.http.Shed;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GiftAdmissionFilterTest {

    private final Clock clock = Clock.systemUTC();
    private final AtomicLong nanos = new AtomicLong();
    private final GiftAdmission admission = new GiftAdmission(
            new AdmissionProperties(true, Duration.ofSeconds(1), Duration.ofMillis(500)),
            new SimpleMeterRegistry(),
            clock,
            nanos::get);
    private final OncePerRequestFilter filter = GiftAdmissionFilter.filter(admission);

    @Test
    void a_gift_over_the_limit_is_answered_503_shed_with_retry_after_and_a_problem_and_goes_no_further()
            throws Exception {
        overloaded();
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(new MockHttpServletRequest("POST", "/api/donations"), response, chain);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(response.getHeader(Shed.HEADER)).isEqualTo(Shed.VALUE);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = JsonMapper.builder().build().readTree(response.getContentAsString());
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("busy").asBoolean()).isTrue();
        assertThat(chain.getRequest())
                .as("nothing behind the filter saw the gift")
                .isNull();
    }

    @Test
    void reading_a_gift_or_anything_but_a_new_gift_is_never_shed() throws Exception {
        overloaded();
        for (MockHttpServletRequest request : new MockHttpServletRequest[] {
            new MockHttpServletRequest("GET", "/api/donations/d-1"),
            new MockHttpServletRequest("POST", "/api/donations/d-1/refund"),
            new MockHttpServletRequest("POST", "/api/payments/webhooks/sandbox")
        }) {
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(request, new MockHttpServletResponse(), chain);
            assertThat(chain.getRequest()).as(request.getRequestURI()).isNotNull();
        }
    }

    @Test
    void a_gift_under_the_limit_goes_on_to_the_controller() throws Exception {
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(new MockHttpServletRequest("POST", "/api/donations"), new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
    }

    @Test
    void while_gifts_are_shed_every_answer_to_a_new_gift_tells_the_gateway_the_limit() throws Exception {
        overloaded();
        MockHttpServletResponse shedAnswer = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("POST", "/api/donations"), shedAnswer, new MockFilterChain());
        // Half a second later, half a second of permits: this gift is taken.
        nanos.addAndGet(Duration.ofMillis(500).toNanos());
        MockHttpServletResponse takenAnswer = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(new MockHttpServletRequest("POST", "/api/donations"), takenAnswer, chain);

        // 120 gifts a second admitted, cut by a tenth: 108.
        assertThat(shedAnswer.getHeader(Shed.LIMIT_HEADER)).isEqualTo("108.0");
        assertThat(chain.getRequest()).as("taken").isNotNull();
        assertThat(takenAnswer.getHeader(Shed.LIMIT_HEADER)).isEqualTo("108.0");
    }

    @Test
    void while_every_gift_is_taken_no_limit_is_told() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(new MockHttpServletRequest("POST", "/api/donations"), response, new MockFilterChain());

        assertThat(response.getHeader(Shed.LIMIT_HEADER)).isNull();
    }

    /** Two half seconds of 120 gifts a second whose confirmations came 3 s late. */
    private void overloaded() {
        for (int window = 0; window < 2; window++) {
            for (int gift = 0; gift < 60; gift++) {
                admission.admit();
                admission.confirmationHeard(clock.instant().minusSeconds(3));
            }
            nanos.addAndGet(Duration.ofMillis(500).toNanos());
            admission.adjust();
        }
        // The limit binds: the half second's permits go to these gifts first.
        while (admission.admit()) {
            // taken
        }
    }
}
