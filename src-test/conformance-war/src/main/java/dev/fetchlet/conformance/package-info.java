/**
 * Handlers the conformance suite drives, one per rule of the behaviour spec that needs a handler of a
 * particular shape (only some methods, one that throws, one that runs too long, ...). They live under
 * {@code /conformance} and double as small examples of each feature.
 */
package dev.fetchlet.conformance;
