package dev.fetchlet.bench.app;

import dev.fetchlet.Route;
import dev.fetchlet.function.Body;
import dev.fetchlet.function.FunctionContext;
import dev.fetchlet.function.HttpFunction;

/** The hello world of the Knative function API, beside the peers' runtimes. */
@Route("/fn/hello")
public class HelloFunction implements HttpFunction {
    @Override
    public Object handle(FunctionContext ctx, Body body) {
        return "Hello, world!";
    }
}
