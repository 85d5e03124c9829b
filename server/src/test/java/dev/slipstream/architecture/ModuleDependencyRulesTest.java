package dev.slipstream.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import dev.slipstream.vision.archfixture.VisionCallingMarkets;
import org.junit.jupiter.api.Test;

/**
 * The module map of docs/ARCHITECTURE.md as a test: each module may use only the modules below it,
 * so vision knows nothing of betting, markets nothing of HTTP, and nothing uses the server.
 */
class ModuleDependencyRulesTest {

  static LayeredArchitecture modules() {
    return layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        // Modules with no code yet (vision, ledger, markets) are empty layers, not errors.
        .withOptionalLayers(true)
        .layer("wire")
        .definedBy("dev.slipstream.wire..")
        .layer("platform")
        .definedBy("dev.slipstream.platform..")
        .layer("media")
        .definedBy("dev.slipstream.media..")
        .layer("vision")
        .definedBy("dev.slipstream.vision..")
        .layer("ledger")
        .definedBy("dev.slipstream.ledger..")
        .layer("markets")
        .definedBy("dev.slipstream.markets..")
        .layer("gateway")
        .definedBy("dev.slipstream.gateway..")
        .layer("server")
        .definedBy("dev.slipstream.server..")
        .whereLayer("wire")
        .mayNotAccessAnyLayer()
        .whereLayer("platform")
        .mayNotAccessAnyLayer()
        .whereLayer("media")
        .mayOnlyAccessLayers("wire", "platform")
        .whereLayer("vision")
        .mayOnlyAccessLayers("wire", "platform")
        .whereLayer("ledger")
        .mayOnlyAccessLayers("wire", "platform")
        .whereLayer("markets")
        .mayOnlyAccessLayers("wire", "platform", "ledger")
        .whereLayer("gateway")
        .mayOnlyAccessLayers("wire", "platform", "media", "vision", "ledger", "markets")
        .whereLayer("server")
        .mayNotBeAccessedByAnyLayer();
  }

  @Test
  void everyModuleUsesOnlyTheModulesBelowIt() {
    // Modules arrive as jars on this classpath; skip test classes and test jars.
    JavaClasses mainOnly =
        new ClassFileImporter()
            .withImportOption(location -> !location.contains("/test-classes/"))
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.slipstream");

    assertThat(mainOnly.contain("dev.slipstream.server.Main")).isTrue();
    assertThat(mainOnly.contain("dev.slipstream.gateway.Gateway")).isTrue();
    assertThat(mainOnly.contain("dev.slipstream.media.stream.StreamDirectory")).isTrue();
    modules().check(mainOnly);
  }

  @Test
  void theRuleCatchesVisionReachingIntoMarkets() {
    JavaClasses offending =
        new ClassFileImporter()
            .importPackagesOf(
                VisionCallingMarkets.class,
                dev.slipstream.markets.archfixture.MarketsFixture.class);

    EvaluationResult result = modules().evaluate(offending);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString())
        .contains("VisionCallingMarkets")
        .contains("MarketsFixture");
  }
}
