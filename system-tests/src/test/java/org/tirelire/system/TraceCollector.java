package org.tirelire.system;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace receiver that keeps every span in memory, as a collector would receive them: the
 * platform's processes export to it as they would to Jaeger or Tempo, and tests read what arrived.
 */
final class TraceCollector {

    /** One span as received: the process that reported it and its trace. */
    record ReceivedSpan(String service, String traceId, String name, String kind) {}

    private static final List<ReceivedSpan> RECEIVED = new CopyOnWriteArrayList<>();
    private static HttpServer server;

    private TraceCollector() {}

    /** Where the processes send their spans (OTLP over HTTP, protobuf). */
    static synchronized String endpoint() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/v1/traces", exchange -> {
                try (InputStream body =
                        "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                                ? new GZIPInputStream(exchange.getRequestBody())
                                : exchange.getRequestBody()) {
                    keep(ExportTraceServiceRequest.parseFrom(body));
                }
                byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    static List<ReceivedSpan> spansOf(String traceId) {
        return RECEIVED.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    private static void keep(ExportTraceServiceRequest request) {
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = resource.getResource().getAttributesList().stream()
                    .filter(attribute -> attribute.getKey().equals("service.name"))
                    .map(KeyValue::getValue)
                    .map(value -> value.getStringValue())
                    .findFirst()
                    .orElse("?");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                scope.getSpansList()
                        .forEach(span -> RECEIVED.add(new ReceivedSpan(
                                service,
                                HexFormat.of().formatHex(span.getTraceId().toByteArray()),
                                span.getName(),
                                span.getKind().name())));
            }
        }
    }
}
