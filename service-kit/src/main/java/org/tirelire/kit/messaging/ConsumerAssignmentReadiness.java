package org.tirelire.kit.messaging;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;

/**
 * Readiness waits until every Kafka consumer binding has joined its group and received its
 * partitions; before that, a donation event could wait for the first rebalance.
 */
public class ConsumerAssignmentReadiness implements HealthIndicator, KafkaBindingRebalanceListener {

    private final List<String> expectedBindings;
    private final Set<String> assignedBindings = ConcurrentHashMap.newKeySet();

    public ConsumerAssignmentReadiness(List<String> expectedBindings) {
        this.expectedBindings = expectedBindings;
    }

    @Override
    public void onPartitionsAssigned(
            String bindingName, Consumer<?, ?> consumer, Collection<TopicPartition> partitions, boolean initial) {
        assignedBindings.add(bindingName);
    }

    @Override
    public Health health() {
        List<String> waiting = expectedBindings.stream()
                .filter(binding -> !assignedBindings.contains(binding))
                .toList();
        return waiting.isEmpty()
                ? Health.up().withDetail("assigned", assignedBindings).build()
                : Health.outOfService()
                        .withDetail("waitingForPartitions", waiting)
                        .build();
    }
}
