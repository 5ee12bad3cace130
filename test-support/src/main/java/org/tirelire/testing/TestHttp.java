package org.tirelire.testing;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

/** An HTTP client for a service under test that hands back error answers instead of throwing them. */
public final class TestHttp {

    private TestHttp() {}

    public static RestClient client(int port) {
        return RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {})
                .build();
    }
}
