package dev.apigw.template;

import java.util.Set;
import java.util.function.Function;

import org.apache.velocity.runtime.parser.node.ASTAddNode;
import org.apache.velocity.runtime.parser.node.ASTBlock;
import org.apache.velocity.runtime.parser.node.ASTDirective;
import org.apache.velocity.runtime.parser.node.ASTDivNode;
import org.apache.velocity.runtime.parser.node.ASTEQNode;
import org.apache.velocity.runtime.parser.node.ASTGENode;
import org.apache.velocity.runtime.parser.node.ASTGTNode;
import org.apache.velocity.runtime.parser.node.ASTIntegerRange;
import org.apache.velocity.runtime.parser.node.ASTLENode;
import org.apache.velocity.runtime.parser.node.ASTLTNode;
import org.apache.velocity.runtime.parser.node.ASTMap;
import org.apache.velocity.runtime.parser.node.ASTModNode;
import org.apache.velocity.runtime.parser.node.ASTMulNode;
import org.apache.velocity.runtime.parser.node.ASTNENode;
import org.apache.velocity.runtime.parser.node.ASTObjectArray;
import org.apache.velocity.runtime.parser.node.ASTSubtractNode;
import org.apache.velocity.runtime.parser.node.Node;
import org.apache.velocity.runtime.parser.node.SimpleNode;
import org.apache.velocity.runtime.parser.Token;
import org.jspecify.annotations.Nullable;

/**
 * Rewrites a freshly parsed template before Velocity initialises it: rejects the directives that
 * read other resources or parse text at render time, swaps in the {@link GuardedNodes} and
 * {@link GuardedMath} nodes, and puts a {@link GuardedNodes.Tick} at the start of every block.
 */
final class AstHardener {

	/** {@code #include}/{@code #parse} read resources, {@code #evaluate} parses request data as VTL. */
	private static final Set<String> FORBIDDEN_DIRECTIVES = Set.of("include", "parse", "evaluate");

	private AstHardener() {
	}

	static void harden(Node root, String templateName) {
		walk(root, templateName);
	}

	private static void walk(Node node, String templateName) {
		if (node instanceof ASTDirective directive && FORBIDDEN_DIRECTIVES.contains(directive.getDirectiveName())) {
			Token token = directive.getFirstToken();
			throw new TemplateException("Mapping template '" + templateName + "' uses #" + directive.getDirectiveName()
					+ " at line " + token.beginLine + ", column " + token.beginColumn
					+ ", which is not allowed: templates cannot read other resources or evaluate text as VTL");
		}
		for (int i = 0; i < node.jjtGetNumChildren(); i++) {
			Node child = node.jjtGetChild(i);
			SimpleNode replacement = replacement(child);
			if (replacement != null) {
				for (int c = 0; c < child.jjtGetNumChildren(); c++) {
					Node grandChild = child.jjtGetChild(c);
					replacement.jjtAddChild(grandChild, c);
					grandChild.jjtSetParent(replacement);
				}
				replacement.jjtSetParent(node);
				node.jjtAddChild(replacement, i);
				child = replacement;
			}
			walk(child, templateName);
		}
		if (node instanceof ASTBlock) {
			insertFirst(node, new GuardedNodes.Tick());
		}
	}

	private static void insertFirst(Node parent, SimpleNode child) {
		for (int i = parent.jjtGetNumChildren() - 1; i >= 0; i--) {
			parent.jjtAddChild(parent.jjtGetChild(i), i + 1);
		}
		parent.jjtAddChild(child, 0);
		child.jjtSetParent(parent);
	}

	private static @Nullable SimpleNode replacement(Node node) {
		Class<?> type = node.getClass();
		Function<SimpleNode, SimpleNode> factory = null;
		if (type == ASTEQNode.class) {
			factory = GuardedNodes.Eq::new;
		}
		else if (type == ASTNENode.class) {
			factory = GuardedNodes.Ne::new;
		}
		else if (type == ASTGTNode.class) {
			factory = GuardedNodes.Gt::new;
		}
		else if (type == ASTGENode.class) {
			factory = GuardedNodes.Ge::new;
		}
		else if (type == ASTLTNode.class) {
			factory = GuardedNodes.Lt::new;
		}
		else if (type == ASTLENode.class) {
			factory = GuardedNodes.Le::new;
		}
		else if (type == ASTIntegerRange.class) {
			factory = GuardedNodes.Range::new;
		}
		else if (type == ASTMap.class) {
			factory = GuardedNodes.MapLiteral::new;
		}
		else if (type == ASTObjectArray.class) {
			factory = GuardedNodes.ListLiteral::new;
		}
		else if (type == ASTAddNode.class) {
			factory = GuardedMath.Add::new;
		}
		else if (type == ASTSubtractNode.class) {
			factory = GuardedMath.Subtract::new;
		}
		else if (type == ASTMulNode.class) {
			factory = GuardedMath.Multiply::new;
		}
		else if (type == ASTDivNode.class) {
			factory = GuardedMath.Divide::new;
		}
		else if (type == ASTModNode.class) {
			factory = GuardedMath.Modulo::new;
		}
		return (factory != null) ? factory.apply((SimpleNode) node) : null;
	}

}
