package dev.apigw.template;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.apache.velocity.context.InternalContextAdapter;
import org.apache.velocity.runtime.parser.node.ASTAddNode;
import org.apache.velocity.runtime.parser.node.ASTDivNode;
import org.apache.velocity.runtime.parser.node.ASTModNode;
import org.apache.velocity.runtime.parser.node.ASTMulNode;
import org.apache.velocity.runtime.parser.node.ASTSubtractNode;
import org.apache.velocity.runtime.parser.node.SimpleNode;
import org.jspecify.annotations.Nullable;

/**
 * Arithmetic nodes that keep numbers small. Velocity promotes overflowing integers to
 * {@code BigInteger}, so {@code #set($x = $x * $x)} in a loop would otherwise build numbers whose
 * next multiplication takes minutes; and a {@code BigDecimal} with a huge exponent (JSON allows
 * {@code 1.0000000000000000001e999999999}) turns {@code + 1} into a gigabyte of digits.
 */
final class GuardedMath {

	static final int MAX_BITS = 4096;

	static final int MAX_SCALE = 1100;

	private GuardedMath() {
	}

	static void checkOperand(@Nullable Object value) {
		if (GuardedNodes.tooLongForNumber(value)) {
			throw RenderState.violation("arithmetic on a string of more than " + JsonSupport.MAX_NUMBER_LENGTH
					+ " characters");
		}
		checkNumber(value);
	}

	static @Nullable Number checkNumber(@Nullable Object value) {
		if (value instanceof BigInteger big && big.bitLength() > MAX_BITS) {
			throw RenderState.violation("number larger than 2^" + MAX_BITS);
		}
		if (value instanceof BigDecimal big && (Math.abs(big.scale()) > MAX_SCALE || big.precision() > MAX_SCALE)) {
			throw RenderState.violation("decimal number with more than " + MAX_SCALE + " digits or exponent");
		}
		return (Number) value;
	}

	static final class Add extends ASTAddNode {

		Add(SimpleNode original) {
			super(original.getType());
			this.parser = original.getParser();
			this.template = original.getTemplate();
			this.first = original.getFirstToken();
			this.last = original.getLastToken();
			this.info = original.getInfo();
		}

		/** {@code "a" + $x} concatenates, printing {@code $x} as a reference prints (null as nothing). */
		@Override
		protected @Nullable Object handleSpecial(@Nullable Object left, @Nullable Object right,
				InternalContextAdapter context) {
			if (left instanceof String || right instanceof String) {
				String leftText = ValueRenderer.render(left);
				String rightText = ValueRenderer.render(right);
				StringMethods.checkGrowth((long) leftText.length() + rightText.length());
				String result = leftText.concat(rightText);
				RenderState.allocateCurrent(result.length());
				return result;
			}
			checkOperand(left);
			checkOperand(right);
			return null;
		}

		@Override
		public @Nullable Number perform(Number left, Number right, InternalContextAdapter context) {
			return checkNumber(super.perform(left, right, context));
		}

	}

	static final class Subtract extends ASTSubtractNode {

		Subtract(SimpleNode original) {
			super(original.getType());
			this.parser = original.getParser();
			this.template = original.getTemplate();
			this.first = original.getFirstToken();
			this.last = original.getLastToken();
			this.info = original.getInfo();
		}

		@Override
		protected @Nullable Object handleSpecial(@Nullable Object left, @Nullable Object right,
				InternalContextAdapter context) {
			checkOperand(left);
			checkOperand(right);
			return null;
		}

		@Override
		public @Nullable Number perform(Number left, Number right, InternalContextAdapter context) {
			return checkNumber(super.perform(left, right, context));
		}

	}

	static final class Multiply extends ASTMulNode {

		Multiply(SimpleNode original) {
			super(original.getType());
			this.parser = original.getParser();
			this.template = original.getTemplate();
			this.first = original.getFirstToken();
			this.last = original.getLastToken();
			this.info = original.getInfo();
		}

		@Override
		protected @Nullable Object handleSpecial(@Nullable Object left, @Nullable Object right,
				InternalContextAdapter context) {
			checkOperand(left);
			checkOperand(right);
			return null;
		}

		@Override
		public @Nullable Number perform(Number left, Number right, InternalContextAdapter context) {
			return checkNumber(super.perform(left, right, context));
		}

	}

	static final class Divide extends ASTDivNode {

		Divide(SimpleNode original) {
			super(original.getType());
			this.parser = original.getParser();
			this.template = original.getTemplate();
			this.first = original.getFirstToken();
			this.last = original.getLastToken();
			this.info = original.getInfo();
		}

		@Override
		protected @Nullable Object handleSpecial(@Nullable Object left, @Nullable Object right,
				InternalContextAdapter context) {
			checkOperand(left);
			checkOperand(right);
			return null;
		}

		@Override
		public @Nullable Number perform(Number left, Number right, InternalContextAdapter context) {
			return checkNumber(super.perform(left, right, context));
		}

	}

	static final class Modulo extends ASTModNode {

		Modulo(SimpleNode original) {
			super(original.getType());
			this.parser = original.getParser();
			this.template = original.getTemplate();
			this.first = original.getFirstToken();
			this.last = original.getLastToken();
			this.info = original.getInfo();
		}

		@Override
		protected @Nullable Object handleSpecial(@Nullable Object left, @Nullable Object right,
				InternalContextAdapter context) {
			checkOperand(left);
			checkOperand(right);
			return null;
		}

		@Override
		public @Nullable Number perform(Number left, Number right, InternalContextAdapter context) {
			return checkNumber(super.perform(left, right, context));
		}

	}

}
