package org.tirelire.kit.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.trace.SpanContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One gift is one trace, from the gateway to the thank-you email, although most of its work is done
 * later, on other threads: an event waits in an outbox, an email in its queue. What outlives the thread
 * keeps the W3C {@code traceparent} of the work that made it ({@link #currentTraceparent}), and the work
 * done later on its behalf runs in a span that continues that trace ({@link #continuing}). Work with no
 * trace to continue runs untraced rather than starting traces of its own.
 */
public class Traces {

    /** The W3C header, and the CloudEvents Distributed Tracing extension attribute, of the same name. */
    public static final String TRACEPARENT = "traceparent";

    /** For code and tests that run without tracing. */
    public static final Traces NONE = new Traces(Tracer.NOOP, Propagator.NOOP);

    private final Tracer tracer;
    private final Propagator propagator;

    public Traces(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /**
     * The W3C trace context of the span in progress on this thread, to keep with what outlives it; {@code
     * null} outside any trace. Static, for records made deep in domain code; Micrometer's OpenTelemetry
     * bridge keeps its current span in OpenTelemetry's context, which is what is read.
     */
    public static @Nullable String currentTraceparent() {
        SpanContext context = io.opentelemetry.api.trace.Span.current().getSpanContext();
        return context.isValid()
                ? "00-" + context.getTraceId() + "-" + context.getSpanId() + "-"
                        + context.getTraceFlags().asHex()
                : null;
    }

    /** Runs the work in a span continuing the stored trace, or untraced when there is none. */
    public <T> T continuing(@Nullable String traceparent, String name, Span.Kind kind, Supplier<T> work) {
        Span span = start(traceparent, name, kind);
        if (span == null) {
            return work.get();
        }
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException | Error failure) {
            span.error(failure);
            throw failure;
        } finally {
            span.end();
        }
    }

    /**
     * Spans for work done on several stored traces at once (a batch of events): each continues its own
     * trace; end them together with {@link Batch#end}.
     */
    public Batch batch() {
        return new Batch();
    }

    private @Nullable Span start(@Nullable String traceparent, String name, Span.Kind kind) {
        if (traceparent == null) {
            return null;
        }
        return propagator
                .extract(Map.of(TRACEPARENT, traceparent), Map::get)
                .name(name)
                .kind(kind)
                .start();
    }

    /** The spans of one batch, started as its records are read, ended once the batch is handled. */
    public final class Batch {

        private final List<Span> spans = new ArrayList<>();

        public void add(@Nullable String traceparent, String name, Span.Kind kind) {
            Span span = start(traceparent, name, kind);
            if (span != null) {
                spans.add(span);
            }
        }

        public void end(@Nullable Throwable failure) {
            for (Span span : spans) {
                if (failure != null) {
                    span.error(failure);
                }
                span.end();
            }
        }
    }
}
