package dev.fetchlet.conformance;

import dev.fetchlet.Context;
import dev.fetchlet.HttpException;

/** Reads the fixtures' numeric query parameters: a value that is not a number in range is the client's 400. */
final class Queries {
    private Queries() {
    }

    /**
     * The whole number in {@code ?name=}, or {@code fallback} when absent.
     *
     * @throws HttpException 400 when the value is not a whole number from {@code min} to {@code max}
     */
    static long number(Context ctx, String name, long fallback, long min, long max) {
        String value = ctx.request().query(name);
        if (value == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below, in the same words as a value out of range
        }
        throw HttpException.badRequest("Query parameter '" + name + "' must be a whole number from " + min
                + " to " + max);
    }
}
