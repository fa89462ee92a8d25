package dev.apigw.template;

import java.io.Writer;
import java.util.List;
import java.util.Map;

import org.apache.velocity.context.InternalContextAdapter;
import org.apache.velocity.runtime.parser.node.ASTEQNode;
import org.apache.velocity.runtime.parser.node.ASTGENode;
import org.apache.velocity.runtime.parser.node.ASTGTNode;
import org.apache.velocity.runtime.parser.node.ASTIntegerRange;
import org.apache.velocity.runtime.parser.node.ASTLENode;
import org.apache.velocity.runtime.parser.node.ASTLTNode;
import org.apache.velocity.runtime.parser.node.ASTMap;
import org.apache.velocity.runtime.parser.node.ASTNENode;
import org.apache.velocity.runtime.parser.node.ASTObjectArray;
import org.apache.velocity.runtime.parser.node.SimpleNode;
import org.apache.velocity.util.DuckType;
import org.jspecify.annotations.Nullable;

/**
 * Replacements for Velocity's parse-tree nodes whose stock behaviour is either unbounded or not
 * what AWS does; {@link AstHardener} swaps them in after parsing. Each constructor copies what the
 * parser set on the node it replaces (the children are moved by the hardener).
 */
final class GuardedNodes {

	private GuardedNodes() {
	}

	/**
	 * {@code ==} and {@code !=}: AWS treats a missing value and the empty string alike, so
	 * {@code #if($missing == "")} and {@code #if($missing == $null)} are both true. Strings too long
	 * to be numbers are never parsed as numbers ({@code BigDecimal} parsing is quadratic).
	 */
	static boolean nullEquals(@Nullable Object left, @Nullable Object right) {
		Object other = (left == null) ? right : left;
		return left == right || (other instanceof CharSequence text && text.length() == 0) || DuckType.asNull(other);
	}

	static boolean tooLongForNumber(@Nullable Object value) {
		return value instanceof CharSequence text && text.length() > JsonSupport.MAX_NUMBER_LENGTH;
	}

	static final class Eq extends ASTEQNode {

		Eq(SimpleNode original) {
			super(original.getType());
			this.parser = original.getParser();
			this.template = original.getTemplate();
			this.first = original.getFirstToken();
			this.last = original.getLastToken();
			this.info = original.getInfo();
		}

		@Override
		public boolean compareNull(@Nullable Object left, @Nullable Object right) {
			return nullEquals(left, right);
		}

		@Override
		public @Nullable Boolean compareNumbers(Object left, Object right) {
			return (tooLongForNumber(left) || tooLongForNumber(right)) ? null : super.compareNumbers(left, right);
		}

	}

	static final class Ne extends ASTNENode {

		Ne(SimpleNode original) {
			super(original.getType());
			this.parser = original.getParser();
			this.template = original.getTemplate();
			this.first = original.getFirstToken();
			this.last = original.getLastToken();
			this.info = original.getInfo();
		}

		@Override
		public boolean compareNull(@Nullable Object left, @Nullable Object right) {
			return nullEquals(left, right);
		}

		@Override
		public @Nullable Boolean compareNumbers(Object left, Object right) {
			return (tooLongForNumber(left) || tooLongForNumber(right)) ? null : super.compareNumbers(left, right);
		}

	}

	static final class Gt extends ASTGTNode {

		Gt(SimpleNode original) {
			super(original.getType());
			this.parser = original.getParser();
			this.template = original.getTemplate();
			this.first = original.getFirstToken();
			this.last = original.getLastToken();
			this.info = original.getInfo();
		}

		@Override
		public @Nullable Boolean compareNumbers(Object left, Object right) {
			return (tooLongForNumber(left) || tooLongForNumber(right)) ? null : super.compareNumbers(left, right);
		}

	}

	static final class Ge extends ASTGENode {

		Ge(SimpleNode original) {
			super(original.getType());
			this.parser = original.getParser();
			this.template = original.getTemplate();
			this.first = original.getFirstToken();
			this.last = original.getLastToken();
			this.info = original.getInfo();
		}

		@Override
		public @Nullable Boolean compareNumbers(Object left, Object right) {
			return (tooLongForNumber(left) || tooLongForNumber(right)) ? null : super.compareNumbers(left, right);
		}

	}

	static final class Lt extends ASTLTNode {

		Lt(SimpleNode original) {
			super(original.getType());
			this.parser = original.getParser();
			this.template = original.getTemplate();
			this.first = original.getFirstToken();
			this.last = original.getLastToken();
			this.info = original.getInfo();
		}

		@Override
		public @Nullable Boolean compareNumbers(Object left, Object right) {
			return (tooLongForNumber(left) || tooLongForNumber(right)) ? null : super.compareNumbers(left, right);
		}

	}

	static final class Le extends ASTLENode {

		Le(SimpleNode original) {
			super(original.getType());
			this.parser = original.getParser();
			this.template = original.getTemplate();
			this.first = original.getFirstToken();
			this.last = original.getLastToken();
			this.info = original.getInfo();
		}

		@Override
		public @Nullable Boolean compareNumbers(Object left, Object right) {
			return (tooLongForNumber(left) || tooLongForNumber(right)) ? null : super.compareNumbers(left, right);
		}

	}

	/** {@code [n..m]} as a {@link BoundedRange}. */
	static final class Range extends ASTIntegerRange {

		Range(SimpleNode original) {
			super(original.getType());
			this.parser = original.getParser();
			this.template = original.getTemplate();
			this.first = original.getFirstToken();
			this.last = original.getLastToken();
			this.info = original.getInfo();
		}

		@Override
		public @Nullable Object value(InternalContextAdapter context) {
			Object from = jjtGetChild(0).value(context);
			Object to = jjtGetChild(1).value(context);
			if (tooLongForNumber(from) || tooLongForNumber(to)) {
				throw RenderState.violation("range bound is not a number");
			}
			Number left = number(from);
			Number right = number(to);
			return (left != null && right != null) ? new BoundedRange(left.intValue(), right.intValue()) : null;
		}

		private static @Nullable Number number(@Nullable Object value) {
			try {
				return (value != null) ? DuckType.asNumber(value) : null;
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

	}

	/** {@code {"a": 1}} as a {@link GuardedMap}. */
	static final class MapLiteral extends ASTMap {

		MapLiteral(SimpleNode original) {
			super(original.getType());
			this.parser = original.getParser();
			this.template = original.getTemplate();
			this.first = original.getFirstToken();
			this.last = original.getLastToken();
			this.info = original.getInfo();
		}

		@Override
		public @Nullable Object value(InternalContextAdapter context) {
			Object value = super.value(context);
			if (!(value instanceof Map<?, ?> map)) {
				return value;
			}
			RenderState.allocateCurrent((long) map.size() * GuardedList.ELEMENT_UNITS);
			GuardedMap guarded = new GuardedMap();
			map.forEach(guarded::rawPut);
			return guarded;
		}

	}

	/** {@code [1, 2]} as a {@link GuardedList}. */
	static final class ListLiteral extends ASTObjectArray {

		ListLiteral(SimpleNode original) {
			super(original.getType());
			this.parser = original.getParser();
			this.template = original.getTemplate();
			this.first = original.getFirstToken();
			this.last = original.getLastToken();
			this.info = original.getInfo();
		}

		@Override
		public @Nullable Object value(InternalContextAdapter context) {
			Object value = super.value(context);
			if (!(value instanceof List<?> list)) {
				return value;
			}
			RenderState.allocateCurrent((long) list.size() * GuardedList.ELEMENT_UNITS);
			GuardedList guarded = new GuardedList(list.size());
			list.forEach(guarded::rawAdd);
			return guarded;
		}

	}

	/**
	 * Put first into every block ({@code #foreach}, {@code #if}, {@code #macro}, {@code #define}
	 * bodies): ticks the deadline each time the block runs, so that even a template that only calls
	 * macros from macros ends when its time is up.
	 */
	static final class Tick extends SimpleNode {

		Tick() {
			super(0);
		}

		@Override
		public boolean render(InternalContextAdapter context, Writer writer) {
			RenderState.tickCurrent();
			return true;
		}

		@Override
		public Object init(InternalContextAdapter context, Object data) {
			// carries no tokens, so SimpleNode's bookkeeping has nothing to record
			return data;
		}

		@Override
		public String literal() {
			return "";
		}

	}

}
