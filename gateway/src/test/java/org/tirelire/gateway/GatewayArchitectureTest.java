package org.tirelire.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The edge stays small enough to audit: it knows neither the pages nor how organisers sign in. */
@AnalyzeClasses(packages = "org.tirelire.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class GatewayArchitectureTest {

    @ArchTest
    static final ArchRule knows_neither_the_pages_nor_the_accounts = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.tirelire.web..", "org.tirelire.identity..", "org.thymeleaf..");

    @ArchTest
    static final ArchRule reaches_no_database = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.data..", "com.mongodb..");

    @ArchTest
    static final ArchRule packages_are_free_of_cycles =
            slices().matching("org.tirelire.gateway.(*)..").should().beFreeOfCycles();
}
