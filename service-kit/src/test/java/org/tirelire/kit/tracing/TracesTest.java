package org.tirelire.kit.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;

/** Work done later, on another thread, joins the trace of the work that asked for it. */
class TracesTest {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String STORED = "00-" + TRACE_ID + "-b7ad6b7169203331-01";

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(exported))
                    .build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    private final Traces traces = new Traces(
            new OtelTracer(openTelemetry.getTracer("test"), new OtelCurrentTraceContext(), event -> {}),
            new OtelPropagator(openTelemetry.getPropagators(), openTelemetry.getTracer("test")));

    @Test
    void the_work_runs_in_a_child_of_the_stored_context_and_hands_on_its_own() {
        String handedOn = traces.continuing(STORED, "send something", Span.Kind.PRODUCER, Traces::currentTraceparent);

        SpanData send = exported.getFinishedSpanItems().get(0);
        assertThat(exported.getFinishedSpanItems()).hasSize(1);
        assertThat(send.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(send.getParentSpanId()).isEqualTo("b7ad6b7169203331");
        assertThat(send.getName()).isEqualTo("send something");
        assertThat(send.getKind()).isEqualTo(SpanKind.PRODUCER);
        // What the work stores in turn names the send, so its consumers are the send's children.
        assertThat(handedOn).isEqualTo("00-" + TRACE_ID + "-" + send.getSpanId() + "-01");
        assertThat(Traces.currentTraceparent()).as("nothing left in scope").isNull();
    }

    @Test
    void without_a_stored_trace_the_work_runs_untraced() {
        assertThat(traces.continuing(null, "send something", Span.Kind.PRODUCER, Traces::currentTraceparent))
                .isNull();
        assertThat(exported.getFinishedSpanItems()).isEmpty();
    }

    @Test
    void a_failure_is_recorded_on_the_span_and_still_thrown() {
        assertThatThrownBy(() -> traces.continuing(STORED, "send something", Span.Kind.PRODUCER, () -> {
                    throw new IllegalStateException("the broker is away");
                }))
                .hasMessage("the broker is away");

        assertThat(exported.getFinishedSpanItems())
                .singleElement()
                .satisfies(span -> assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR));
    }

    @Test
    void each_record_of_a_batch_continues_its_own_trace() {
        String other = "00-11111111111111111111111111111111-2222222222222222-01";
        Traces.Batch batch = traces.batch();
        batch.add(STORED, "process a", Span.Kind.CONSUMER);
        batch.add(null, "process b", Span.Kind.CONSUMER);
        batch.add(other, "process c", Span.Kind.CONSUMER);
        assertThat(exported.getFinishedSpanItems())
                .as("open while the batch is handled")
                .isEmpty();

        batch.end(null);

        assertThat(exported.getFinishedSpanItems())
                .extracting(SpanData::getTraceId)
                .containsExactlyInAnyOrder(TRACE_ID, "11111111111111111111111111111111");
    }
}
