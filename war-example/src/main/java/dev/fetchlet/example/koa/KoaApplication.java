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
        // Jackson's errors answer 400 in plain words (JsonErrors), rather than Jersey's mappers' echo of them.
        register(JacksonFeature.withoutExceptionMappers());
        register(JsonErrors.class);
    }
}
