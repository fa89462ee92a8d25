package dev.apigw.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps the packages of {@code dev.apigw} free of import cycles and layered as
 * docs/architecture.md draws them: each package (sub-packages are packages of their own) can
 * be read and changed with only the packages below it in mind.
 */
class PackageCycleTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.apigw");

	@Test
	void packagesHaveNoImportCycle() {
		slices().matching("dev.apigw.(**)").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void packagesAreLayered() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("Autoconfigure").definedBy("dev.apigw.autoconfigure..")
			.layer("Actuate").definedBy("dev.apigw.actuate..", "dev.apigw.management..")
			.layer("Deploy").definedBy("dev.apigw.deploy..")
			.layer("Features").definedBy("dev.apigw.auth..", "dev.apigw.cache..", "dev.apigw.integration..",
					"dev.apigw.observe..", "dev.apigw.resilience..", "dev.apigw.throttle..", "dev.apigw.validation..",
					"dev.apigw.annotation..", "dev.apigw.websocket..", "dev.apigw.documentation..")
			.layer("Pipeline").definedBy("dev.apigw.pipeline..")
			.layer("Routing").definedBy("dev.apigw.routing..", "dev.apigw.response..")
			.layer("Definition").definedBy("dev.apigw.definition..")
			.layer("Store").definedBy("dev.apigw.store..")
			.layer("Base").definedBy("dev.apigw.model..", "dev.apigw.template..", "dev.apigw.server..")
			.whereLayer("Autoconfigure").mayNotBeAccessedByAnyLayer()
			.whereLayer("Actuate").mayOnlyBeAccessedByLayers("Autoconfigure")
			.whereLayer("Deploy").mayOnlyBeAccessedByLayers("Autoconfigure", "Actuate")
			.whereLayer("Features").mayOnlyBeAccessedByLayers("Autoconfigure", "Actuate", "Deploy")
			.whereLayer("Pipeline").mayOnlyBeAccessedByLayers("Autoconfigure", "Actuate", "Deploy", "Features")
			.whereLayer("Routing")
			.mayOnlyBeAccessedByLayers("Autoconfigure", "Actuate", "Deploy", "Features", "Pipeline")
			.whereLayer("Definition")
			.mayOnlyBeAccessedByLayers("Autoconfigure", "Actuate", "Deploy", "Features", "Pipeline")
			.whereLayer("Store")
			.mayOnlyBeAccessedByLayers("Autoconfigure", "Actuate", "Deploy", "Features", "Pipeline", "Routing")
			.check(CLASSES);
	}

}
