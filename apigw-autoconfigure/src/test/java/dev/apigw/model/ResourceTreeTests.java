package dev.apigw.model;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ResourceTreeTests {

	private final ResourceTree<String> tree = ResourceTree.<String>builder()
		.add("/", "root")
		.add("/pets", "pets")
		.add("/pets/{petId}", "pet")
		.add("/pets/special", "special")
		.add("/pets/{petId}/toys", "toys")
		.add("/{proxy+}", "proxy")
		.build();

	@Test
	void literalSegmentWinsOverVariable() {
		assertThat(this.tree.match("/pets/special").resource()).isEqualTo("special");
	}

	@Test
	void variableWinsOverGreedy() {
		ResourceTree.Match<String> match = this.tree.match("/pets/42");
		assertThat(match.resource()).isEqualTo("pet");
		assertThat(match.pathParameters()).containsExactly(Map.entry("petId", "42"));
	}

	@Test
	void greedyTakesWhatNothingMoreSpecificMatches() {
		ResourceTree.Match<String> match = this.tree.match("/pets/42/food/dry");
		assertThat(match.resource()).isEqualTo("proxy");
		assertThat(match.pathParameters()).containsExactly(Map.entry("proxy", "pets/42/food/dry"));
	}

	@Test
	void backtracksWhenAMoreSpecificBranchLeadsNowhere() {
		ResourceTree<String> tree = ResourceTree.<String>builder()
			.add("/a/b/c", "literal")
			.add("/{x}/b/d", "variable")
			.build();
		assertThat(tree.match("/a/b/d").resource()).isEqualTo("variable");
		assertThat(tree.match("/a/b/d").pathParameters()).containsEntry("x", "a");
		assertThat(tree.match("/a/b/c").resource()).isEqualTo("literal");
	}

	@Test
	void nestedVariablesAreAllCaptured() {
		ResourceTree.Match<String> match = this.tree.match("/pets/7/toys");
		assertThat(match.resource()).isEqualTo("toys");
		assertThat(match.pathParameters()).containsExactly(Map.entry("petId", "7"));
	}

	@Test
	void rootMatchesEmptyAndSlashPaths() {
		assertThat(this.tree.match("").resource()).isEqualTo("root");
		assertThat(this.tree.match("/").resource()).isEqualTo("root");
	}

	@Test
	void trailingSlashIsIgnored() {
		assertThat(this.tree.match("/pets/").resource()).isEqualTo("pets");
		assertThat(this.tree.match("/pets/42/").pathParameters()).containsEntry("petId", "42");
	}

	@Test
	void greedyValueDropsTrailingSlashButKeepsInnerDoubleSlashes() {
		assertThat(this.tree.match("/proxy-value/").pathParameters()).containsEntry("proxy", "proxy-value");
		assertThat(this.tree.match("/proxy-value//double-slash").pathParameters()).containsEntry("proxy",
				"proxy-value//double-slash");
	}

	@Test
	void leadingDoubleSlashCollapses() {
		assertThat(this.tree.match("//pets").resource()).isEqualTo("pets");
	}

	@Test
	void pathParametersStayPercentEncodedAsAwsPassesThem() {
		assertThat(this.tree.match("/pets/test%2Balias@gmail.com").pathParameters()).containsEntry("petId",
				"test%2Balias@gmail.com");
		assertThat(this.tree.match("/api/user/test%2Balias@gmail.com/plus/test+alias@gmail.com").pathParameters())
			.containsEntry("proxy", "api/user/test%2Balias@gmail.com/plus/test+alias@gmail.com");
	}

	@Test
	void literalSegmentsMatchPercentEncodedRequests() {
		assertThat(this.tree.match("/pe%74s").resource()).isEqualTo("pets");
	}

	@Test
	void emptySegmentNeverMatchesAVariable() {
		ResourceTree<String> tree = ResourceTree.<String>builder().add("/a/{id}/b", "x").build();
		assertThat(tree.match("/a//b")).isNull();
	}

	@Test
	void greedyNeedsAtLeastOneSegment() {
		ResourceTree<String> tree = ResourceTree.<String>builder().add("/files/{path+}", "files").build();
		assertThat(tree.match("/files")).isNull();
		assertThat(tree.match("/files/a").pathParameters()).containsEntry("path", "a");
	}

	@Test
	void resourcesWithoutValueDoNotMatch() {
		ResourceTree<String> tree = ResourceTree.<String>builder().add("/pets/{petId}", "pet").build();
		assertThat(tree.match("/pets")).isNull();
		assertThat(tree.match("/dogs/1")).isNull();
	}

	@Test
	void pathsAreCaseSensitive() {
		assertThat(this.tree.match("/PETS").resource()).isEqualTo("proxy");
	}

	@Test
	void rejectsGreedyVariableThatIsNotLast() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ResourceTree.<String>builder().add("/{proxy+}/more", "x"))
			.withMessageContaining("must be the last segment");
	}

	@Test
	void rejectsTwoDifferentVariablesAtTheSamePosition() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ResourceTree.<String>builder().add("/pets/{id}", "a").add("/pets/{petId}", "b"))
			.withMessageContaining("only one is allowed");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ResourceTree.<String>builder().add("/pets/{id}", "a").add("/pets/{proxy+}", "b"))
			.withMessageContaining("only one is allowed");
	}

	@Test
	void rejectsDuplicatePaths() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ResourceTree.<String>builder().add("/pets", "a").add("/pets", "b"))
			.withMessageContaining("defined twice");
	}

	@Test
	void rejectsMalformedTemplates() {
		assertThatIllegalArgumentException().isThrownBy(() -> ResourceTree.<String>builder().add("pets", "a"));
		assertThatIllegalArgumentException().isThrownBy(() -> ResourceTree.<String>builder().add("/a//b", "a"));
		assertThatIllegalArgumentException().isThrownBy(() -> ResourceTree.<String>builder().add("/a b", "a"));
		assertThatIllegalArgumentException().isThrownBy(() -> ResourceTree.<String>builder().add("/{a", "a"));
	}

	@Test
	void lookupCostDoesNotDependOnTheNumberOfResources() {
		ResourceTree.Builder<String> builder = ResourceTree.builder();
		for (int i = 0; i < 3000; i++) {
			builder.add("/r" + i + "/{id}", "r" + i);
		}
		ResourceTree<String> large = builder.build();
		assertThat(large.size()).isEqualTo(3000);
		assertThat(large.match("/r2999/5").resource()).isEqualTo("r2999");
		assertThat(large.match("/r0/5").resource()).isEqualTo("r0");
	}

}
