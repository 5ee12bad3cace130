package org.tirelire.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.tirelire.testing.TestInfrastructure;

/**
 * The reader of reported actions (the audit log's events) stops cleanly: it leaves its Kafka group at once, so
 * that another gateway takes its partitions, and a gateway's every stop logs no error for an operator to chase.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuditReaderIntegrationTest extends IdentityTest {

    private static final String GROUP = "identity-audit";

    @Autowired
    ApplicationContext context;

    @Test
    void the_audit_reader_leaves_its_group_when_it_stops_and_logs_no_error(CapturedOutput output) throws Exception {
        SmartLifecycle reader = context.getBean("reportedActions", SmartLifecycle.class);
        try (Admin kafka = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> membersOfTheGroup(kafka) > 0);

            int loggedBefore = output.length();
            reader.stop();
            try {
                await().atMost(Duration.ofSeconds(3)).until(() -> membersOfTheGroup(kafka) == 0);
                assertThat(output.toString().substring(loggedBefore))
                        .doesNotContain("Failed to close")
                        .doesNotContain("InterruptException");
            } finally {
                reader.start();
            }
        }
        assertThat(reader.isRunning()).isTrue();
    }

    private static int membersOfTheGroup(Admin kafka) throws Exception {
        return kafka.describeConsumerGroups(List.of(GROUP))
                .describedGroups()
                .get(GROUP)
                .get()
                .members()
                .size();
    }
}
