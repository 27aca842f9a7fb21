package io.handoff.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Ports and adapters: the platform SDKs stay inside their adapters, and the platform-neutral core knows nothing of
 * Slack, Teams or the web layer.
 */
@AnalyzeClasses(packages = "io.handoff", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /** The platform-neutral core. */
    private static final String[] CORE = {"io.handoff.graph..", "io.handoff.survey..", "io.handoff.empathy..",
            "io.handoff.friction..", "io.handoff.scheduler..", "io.handoff.settings..", "io.handoff.map..",
            "io.handoff.conversation..", "io.handoff.privacy..", "io.handoff.nudge..", "io.handoff.journey..",
            "io.handoff.chat..", "io.handoff.delivery..", "io.handoff.crypto..", "io.handoff.roster.."};

    @ArchTest
    static final ArchRule onlyTheSlackAdapterUsesTheSlackSdk = noClasses()
            .that().resideOutsideOfPackage("io.handoff.slack..")
            .should().dependOnClassesThat().resideInAPackage("com.slack..")
            .because("the Slack SDK stays behind the slack adapter");

    @ArchTest
    static final ArchRule onlyTheTeamsAdapterUsesTheBotFramework = noClasses()
            .that().resideOutsideOfPackage("io.handoff.msteams..")
            .should().dependOnClassesThat().resideInAPackage("com.microsoft.bot..")
            .because("the retired Bot Framework SDK stays behind the teams adapter");

    @ArchTest
    static final ArchRule theCoreIgnoresPlatformsAndTheWeb = noClasses()
            .that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("com.slack..", "com.microsoft.bot..",
                    "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
                    "io.handoff.slack..", "io.handoff.msteams..", "io.handoff.web..", "io.handoff.playground..",
                    "io.handoff.scim..", "com.unboundid..")
            .because("the core is platform-neutral: adapters translate to and from it");

    @ArchTest
    static final ArchRule onlyTheScimAdapterUsesTheScimSdk = noClasses()
            .that().resideOutsideOfPackage("io.handoff.scim..")
            .should().dependOnClassesThat().resideInAPackage("com.unboundid..")
            .because("the SCIM SDK (and its Jackson 2 mapper) stays behind the scim adapter");

    @ArchTest
    static final ArchRule theSchedulerDoesNotKnowTheOutbox = noClasses()
            .that().resideInAPackage("io.handoff.scheduler..")
            .should().dependOnClassesThat().resideInAPackage("io.handoff.delivery..")
            .because("the outbox (delivery) is built on the scheduler, not the reverse");

    @ArchTest
    static final ArchRule theDeliveryRulesDoNotKnowTheOutbox = noClasses()
            .that().haveSimpleName("DeliveryRules").or().haveSimpleName("DecisionLog")
            .or().haveSimpleName("WorkingHours").or().haveSimpleName("Decision")
            .should().dependOnClassesThat().haveSimpleName("Outbox").orShould().dependOnClassesThat()
            .haveSimpleName("OutboxSender")
            .because("the outbox is built on the delivery rules (hours, caps, pause), not the reverse");

    @ArchTest
    static final ArchRule theSettingsCommandIsCoreToo = noClasses()
            .that().resideInAPackage("io.handoff.settings..")
            .should().dependOnClassesThat().resideInAnyPackage("com.slack..", "com.microsoft.bot..",
                    "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
                    "io.handoff.slack..", "io.handoff.msteams..", "io.handoff.web..", "io.handoff.playground..",
                    "io.handoff.delivery..")
            .because("the settings chat command is platform-neutral and only reads and writes tenant settings");
}
