package dev.apigw.template;

import java.io.Writer;

/** The render's output: counts what is written against {@code maxOutputChars}. */
final class BudgetWriter extends Writer {

	private final StringBuilder out;

	private final RenderState state;

	BudgetWriter(RenderState state, int capacity) {
		this.state = state;
		this.out = new StringBuilder(capacity);
	}

	@Override
	public void write(char[] chars, int offset, int length) {
		this.state.wrote(length);
		this.out.append(chars, offset, length);
	}

	@Override
	public void write(String text) {
		this.state.wrote(text.length());
		this.out.append(text);
	}

	@Override
	public void write(String text, int offset, int length) {
		this.state.wrote(length);
		this.out.append(text, offset, offset + length);
	}

	@Override
	public void write(int ch) {
		this.state.wrote(1);
		this.out.append((char) ch);
	}

	@Override
	public void flush() {
	}

	@Override
	public void close() {
	}

	@Override
	public String toString() {
		return this.out.toString();
	}

}
