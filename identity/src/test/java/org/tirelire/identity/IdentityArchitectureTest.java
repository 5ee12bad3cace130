package org.tirelire.identity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.tirelire.identity", importOptions = ImportOption.DoNotIncludeTests.class)
class IdentityArchitectureTest {

    /** What other modules may use says nothing of how accounts, passwords or keys are kept. */
    @ArchTest
    static final ArchRule the_api_depends_on_nothing_inside_the_module = classes()
            .that()
            .resideInAPackage("org.tirelire.identity.api..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("org.tirelire.identity.api..", "java..", "reactor.core..", "org.jspecify..");

    @ArchTest
    static final ArchRule knows_nothing_of_the_gateway_or_the_pages = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.tirelire.gateway..", "org.tirelire.web..");

    @ArchTest
    static final ArchRule packages_are_free_of_cycles =
            slices().matching("org.tirelire.identity.(*)..").should().beFreeOfCycles();
}
