/**
 * WebSocket handlers the conformance suite drives, one per rule of the spec's WebSocket section that needs a
 * listener of a particular shape (one that echoes, one that throws, one with a small message limit, one with
 * subprotocols, one that another origin may open). They live under {@code /conformance/ws} and double as small examples.
 */
package dev.fetchlet.conformance.ws;
