package io.tracked.agent;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The agent's packages in the order data flows, each allowed to use only the layers below it: the
 * entry point and the command line on top; the pipeline, which takes captured calls from capture and
 * hands events to delivery; capture (the dispatcher), fed by weaving; consent; the event model every
 * stage shares; and the leaves that use nothing of the agent. Each package's {@code package-info}
 * says the same in prose. A new dependency that climbs a layer, or any package cycle, fails here.
 */
@AnalyzeClasses(packages = "io.tracked.agent", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageLayersTest {

  private static final String ROOT = "io.tracked.agent";

  @ArchTest
  static final ArchRule layersDependDownwardOnly = layeredArchitecture()
      .consideringOnlyDependenciesInLayers()
      .layer("Entry").definedBy(ROOT)
      .layer("Cli").definedBy(ROOT + ".cli..")
      .layer("Pipeline").definedBy(ROOT + ".pipeline..")
      .layer("Delivery").definedBy(ROOT + ".delivery..")
      .layer("Spool").definedBy(ROOT + ".spool..")
      .layer("Capture").definedBy(ROOT + ".dispatch..")
      .layer("Weaving").definedBy(ROOT + ".weaving..")
      .layer("Consent").definedBy(ROOT + ".consent..")
      .layer("Event").definedBy(ROOT + ".event..")
      .layer("Sanitize").definedBy(ROOT + ".sanitize..")
      .layer("Config").definedBy(ROOT + ".config..")
      .layer("Files").definedBy(ROOT + ".files..")
      .layer("Log").definedBy(ROOT + ".log..")
      .layer("Bridge").definedBy(ROOT + ".bootstrap..")
      .whereLayer("Entry").mayNotBeAccessedByAnyLayer()
      .whereLayer("Cli").mayOnlyAccessLayers("Weaving", "Consent", "Event", "Sanitize", "Config", "Log")
      .whereLayer("Pipeline").mayOnlyAccessLayers(
          "Capture", "Delivery", "Consent", "Event", "Sanitize", "Config", "Files", "Log", "Bridge")
      .whereLayer("Delivery").mayOnlyAccessLayers("Spool", "Consent", "Event", "Config", "Files", "Log")
      .whereLayer("Spool").mayOnlyAccessLayers("Event", "Config", "Files", "Log")
      .whereLayer("Capture").mayOnlyAccessLayers("Weaving", "Consent", "Event", "Log", "Bridge")
      .whereLayer("Weaving").mayOnlyAccessLayers("Event", "Config", "Log", "Bridge")
      .whereLayer("Consent").mayOnlyAccessLayers("Config", "Files", "Log", "Bridge")
      .whereLayer("Event").mayOnlyAccessLayers("Sanitize", "Log")
      .whereLayer("Sanitize").mayNotAccessAnyLayer()
      .whereLayer("Config").mayOnlyAccessLayers("Log")
      .whereLayer("Files").mayOnlyAccessLayers("Log")
      .whereLayer("Log").mayNotAccessAnyLayer()
      .whereLayer("Bridge").mayNotAccessAnyLayer();

  @ArchTest
  static final ArchRule noPackageCycles = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();
}
