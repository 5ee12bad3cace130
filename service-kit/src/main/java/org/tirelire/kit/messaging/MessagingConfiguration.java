package org.tirelire.kit.messaging;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.stream.binder.kafka.provisioning.AdminClientConfigCustomizer;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.backoff.ExponentialBackOff;
import org.tirelire.contracts.events.EventCodec;
import org.tirelire.kit.totals.ContributionLedger;
import org.tirelire.kit.totals.KafkaEpoch;
import org.tirelire.kit.tracing.Traces;

/**
 * The messaging every service shares: event codec, typed event consumers, outbox relay, never-skip
 * consumer retries, readiness.
 */
@AutoConfiguration
@EnableScheduling
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MessagingConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    /** Continues a gift's trace across outboxes and Kafka (untraced when tracing is off). */
    @Bean
    @ConditionalOnMissingBean
    Traces traces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new Traces(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Bean
    EventConsumers eventConsumers(EventCodec codec, Traces traces, KafkaEpoch epoch) {
        return new EventConsumers(codec, traces, epoch);
    }

    /**
     * The Kafka cluster records come from (ADR 36), asked with the connection settings the consumers have:
     * the binder's brokers (else Spring's), Spring's raw client properties, then the binder's own
     * ({@code security.protocol}, {@code sasl.*}, {@code ssl.*} for a managed Kafka).
     */
    @Bean
    @ConditionalOnMissingBean
    KafkaEpoch kafkaEpoch(MongoTemplate mongo, Environment environment) {
        Map<String, Object> client = adminSettings(environment);
        return new StoredKafkaEpoch(mongo, () -> clusterId(client));
    }

    /** Whether a consumer group may still have an event to read (a campaign published a moment ago, say). */
    @Bean
    @ConditionalOnMissingBean
    EventsOnTheirWay eventsOnTheirWay(Environment environment) {
        return new EventsOnTheirWay(adminSettings(environment));
    }

    static Map<String, Object> adminSettings(Environment environment) {
        Binder settings = Binder.get(environment);
        Bindable<Map<String, String>> raw = Bindable.mapOf(String.class, String.class);
        Map<String, Object> client = new HashMap<>();
        settings.bind("spring.kafka.properties", raw).ifBound(client::putAll);
        settings.bind("spring.kafka.security.protocol", String.class)
                .ifBound(protocol -> client.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol));
        settings.bind("spring.cloud.stream.kafka.binder.configuration", raw).ifBound(client::putAll);
        client.keySet().retainAll(AdminClientConfig.configNames());
        List<String> brokers = settings.bind("spring.cloud.stream.kafka.binder.brokers", Bindable.listOf(String.class))
                .orElseGet(() -> settings.bind("spring.kafka.bootstrap-servers", Bindable.listOf(String.class))
                        .orElse(List.of("localhost:9092")));
        client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", brokers));
        client.put(CommonClientConfigs.METADATA_RECOVERY_STRATEGY_CONFIG, "none");
        client.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return client;
    }

    private static String clusterId(Map<String, Object> client) {
        try (Admin admin = Admin.create(client)) {
            return admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException unanswered) {
            throw new IllegalStateException("Kafka did not say its cluster id: " + unanswered, unanswered);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Kafka its cluster id", interrupted);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventPublisher eventPublisher(
            StreamBridge streamBridge,
            EventCodec codec,
            MessagingProperties properties,
            Traces traces,
            @Value("${spring.application.name}") String serviceName) {
        return new EventPublisher(
                streamBridge,
                codec,
                properties.outputBinding(),
                properties.bindingsByType(),
                "/" + serviceName,
                traces);
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, EventPublisher publisher, ObjectProvider<OutboxSource> sources) {
        return new OutboxRelay(mongo, publisher, sources.orderedStream().toList());
    }

    /** The outboxes' backlog, for Prometheus. */
    @Bean
    MeterBinder outboxMetrics(MongoTemplate mongo, ObjectProvider<OutboxSource> sources, ObjectProvider<Clock> clock) {
        return new OutboxMetrics(mongo, sources.orderedStream().toList(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    AggregateUpdates aggregateUpdates(OutboxRelay outboxRelay) {
        return new AggregateUpdates(outboxRelay);
    }

    @Bean
    ContributionLedger contributionLedger(MongoTemplate mongo) {
        return new ContributionLedger(mongo);
    }

    /**
     * Kafka 4.1's admin client, when no broker answers, "rebootstraps" in a busy loop that burns a core
     * and writes thousands of log lines a second (a service started while the broker is down, say).
     * Our clients bootstrap from a fixed broker list, so rebootstrapping gains nothing: the admin
     * client just reconnects with its usual backoff until the broker is back.
     */
    @Bean
    AdminClientConfigCustomizer noAdminRebootstrapLoop() {
        return properties -> properties.put(CommonClientConfigs.METADATA_RECOVERY_STRATEGY_CONFIG, "none");
    }

    @Bean("kafkaConsumers")
    ConsumerAssignmentReadiness consumerAssignmentReadiness(MessagingProperties properties) {
        return new ConsumerAssignmentReadiness(properties.consumerBindings());
    }

    /**
     * A record that fails (MongoDB away, say), or for a consumer of whole polls the poll, is retried with backoff for as long as it takes, never
     * skipped: skipping a donation event would break a total. The container seeks back rather than
     * blocking in the poll loop, so the consumer keeps its partitions while it waits. Records that
     * cannot be read at all are skipped by the consumers themselves, before they get here.
     */
    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> retryForever() {
        return (container, destination, group) -> {
            ExponentialBackOff backOff =
                    new ExponentialBackOff(Duration.ofMillis(200).toMillis(), 2.0);
            backOff.setMaxInterval(Duration.ofSeconds(10).toMillis());
            backOff.setMaxElapsedTime(Long.MAX_VALUE);
            DefaultErrorHandler errorHandler =
                    new DefaultErrorHandler((record, failure) -> log.error("Gave up on {}", record, failure), backOff);
            errorHandler.setRetryListeners(new LoggedRetries());
            container.setCommonErrorHandler(errorHandler);
        };
    }

    /** Each failed attempt is logged, of one record or, for a consumer of whole polls, of the poll. */
    private static final class LoggedRetries implements RetryListener {

        @Override
        public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int attempt) {
            log.warn(
                    "Attempt {} at {}-{}@{} failed: {}",
                    attempt,
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    failure.toString());
        }

        @Override
        public void failedDelivery(ConsumerRecords<?, ?> records, Exception failure, int attempt) {
            log.warn("Attempt {} at a poll of {} records failed: {}", attempt, records.count(), failure.toString());
        }
    }
}
