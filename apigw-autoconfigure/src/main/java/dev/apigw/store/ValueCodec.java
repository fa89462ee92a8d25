package dev.apigw.store;

/**
 * Turns the values a store keeps into text and back, for stores shared between instances.
 * Supplied by the feature whose values they are, so that the store package needs none of
 * that feature's types; a store kept in this instance's memory holds the values themselves
 * and never calls it.
 *
 * @param <T> the type of value
 */
public interface ValueCodec<T> {

	/**
	 * Writes a value.
	 * @param value the value
	 * @return its text
	 */
	String encode(T value);

	/**
	 * Reads a value back.
	 * @param text what {@link #encode} wrote, possibly by another instance or version
	 * @return the value
	 * @throws RuntimeException when the text cannot be read: the store treats the entry as
	 * missing
	 */
	T decode(String text);

}
