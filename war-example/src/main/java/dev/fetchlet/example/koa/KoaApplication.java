package dev.fetchlet.example.koa;

import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The JAX-RS application {@link Koa} serves, named by its {@code jakarta.ws.rs.Application} init parameter. No
 * {@code @ApplicationPath}: Fetchlet mounts it, so Jersey's own initializer leaves it alone.
 */
public class KoaApplication extends ResourceConfig {
    public KoaApplication() {
        register(KoaResource.class);
        register(ResponseTime.class);
        // Jersey's Jackson mappers answer with Jackson's message (Java type names); UnreadableJson says it plainly.
        register(JacksonFeature.withoutExceptionMappers());
        register(UnreadableJson.class);
    }
}
