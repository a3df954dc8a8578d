/**
 * Conformance fixtures for middleware, under {@code /conformance/mw}, {@code /conformance/mw-ws},
 * {@code /conformance/cors}, {@code /conformance/secure} and {@code /conformance/csrf}: what the suite's
 * middleware tests drive. Not part of the example a user would copy.
 */
package dev.fetchlet.conformance.middleware;
