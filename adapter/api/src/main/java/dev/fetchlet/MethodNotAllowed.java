package dev.fetchlet;

/** What a handler method the class did not override throws when called directly. */
final class MethodNotAllowed {
    private MethodNotAllowed() {
    }

    static HttpException of(Context ctx) {
        String method = ctx == null ? "this method" : ctx.request().method();
        return new HttpException(405, method + " is not handled here");
    }
}
