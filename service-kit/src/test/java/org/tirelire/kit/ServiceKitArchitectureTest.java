package org.tirelire.kit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The kit is infrastructure only: it must not know any service's domain. */
@AnalyzeClasses(packages = "org.tirelire.kit", importOptions = ImportOption.DoNotIncludeTests.class)
class ServiceKitArchitectureTest {

    @ArchTest
    static final ArchRule knows_no_service = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.tirelire.campaign..",
                    "org.tirelire.donation..",
                    "org.tirelire.notification..",
                    "org.tirelire.gateway..");
}
