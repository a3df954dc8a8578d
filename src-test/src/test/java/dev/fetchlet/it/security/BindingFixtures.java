package dev.fetchlet.it.security;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;
import dev.fetchlet.function.Body;
import dev.fetchlet.function.FunctionContext;
import dev.fetchlet.function.HttpFunction;
import java.util.List;
import java.util.Map;

/**
 * What the function-error-body cases bind JSON to: an order with a number, an enum, a nested object and a list,
 * read by a function ({@code Body.json}) and by a routed handler ({@code json(Class)}). The example's
 * {@code GreetingFunction} reads CloudEvent data ({@code EventData.json}) beside them.
 */
final class BindingFixtures {
    private BindingFixtures() {
    }

    enum Size { SMALL, LARGE }

    record Address(String city) {
    }

    record Customer(String name, Address address) {
    }

    record Line(String sku, int count) {
    }

    record Order(String id, int quantity, Size size, Customer customer, List<Line> lines) {
        Order {
            if (id == null || id.isEmpty()) {
                throw new IllegalArgumentException("com.example.internal.OrderIds: id must not be empty");
            }
        }
    }

    /** {@code POST /bind/order}: the body as an {@link Order}, through a function's {@code Body}. */
    @Route("/bind/order")
    public static class OrderFunction implements HttpFunction {
        @Override
        public Object handle(FunctionContext ctx, Body body) {
            Order order = body.json(Order.class);
            return Map.of("id", order.id());
        }
    }

    /** {@code POST /bind/handler}: the same through a handler's {@code ctx.request().json(Class)}. */
    @Route("/bind/handler")
    public static class OrderHandler implements Handler {
        @Override
        public Response onRequestPost(Context ctx) {
            Order order = ctx.request().json(Order.class);
            return Response.json(Map.of("id", order.id()));
        }
    }
}
