package org.tirelire.contracts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.tirelire.contracts", importOptions = ImportOption.DoNotIncludeTests.class)
class ContractsArchitectureTest {

    @ArchTest
    static final ArchRule contracts_depend_on_no_framework = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "org.bson..", "com.mongodb..", "org.apache.kafka..");

    @ArchTest
    static final ArchRule contracts_know_no_service = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.tirelire.campaign..", "org.tirelire.donation..", "org.tirelire.notification..");
}
