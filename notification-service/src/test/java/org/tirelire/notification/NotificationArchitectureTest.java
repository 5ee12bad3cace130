package org.tirelire.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.tirelire.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class NotificationArchitectureTest {

    @ArchTest
    static final ArchRule depends_on_no_other_service = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.tirelire.campaign..", "org.tirelire.donation..", "org.tirelire.gateway..");

    @ArchTest
    static final ArchRule the_web_layer_does_not_write_to_kafka_directly = noClasses()
            .that()
            .haveSimpleNameEndingWith("Controller")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.cloud.stream..", "org.apache.kafka..");

    /** Each feature package can be read, moved or deleted on its own. */
    @ArchTest
    static final ArchRule packages_are_free_of_cycles =
            slices().matching("org.tirelire.notification.(*)..").should().beFreeOfCycles();
}
