package org.tirelire.web;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.tirelire.web", importOptions = ImportOption.DoNotIncludeTests.class)
class WebArchitectureTest {

    /** Signing in goes through identity's api; how accounts and keys are kept stays out of the pages. */
    @ArchTest
    static final ArchRule the_pages_never_import_identity_internals = noClasses()
            .should()
            .dependOnClassesThat(resideInAPackage("org.tirelire.identity..")
                    .and(resideOutsideOfPackage("org.tirelire.identity.api..")))
            .because("only identity's api is published to other modules");

    /** The services are reached through their public HTTP API only, like any other client. */
    @ArchTest
    static final ArchRule the_pages_reach_no_database_and_no_service_code = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework.data..",
                    "org.tirelire.campaign..",
                    "org.tirelire.donation..",
                    "org.tirelire.notification..",
                    "org.tirelire.gateway..");

    /** A feature's pages (giving, collection pages, the dashboard) can be read or moved on their own. */
    @ArchTest
    static final ArchRule features_do_not_use_each_other = slices().matching(
                    "org.tirelire.web.(campaign|giving|fundraiser|organiser)..")
            .should()
            .notDependOnEachOther();

    @ArchTest
    static final ArchRule packages_are_free_of_cycles =
            slices().matching("org.tirelire.web.(*)..").should().beFreeOfCycles();
}
