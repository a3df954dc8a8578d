package dev.fetchlet.example.koa;

import dev.fetchlet.InitParam;
import dev.fetchlet.Route;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * The Koa example of Node Functions ({@code node-functions/koa/[[default]].js}) as a JAX-RS app: Jersey's servlet
 * mounted at {@code /koa}, configured by init parameters as it would be in {@code web.xml}. The resources
 * ({@link KoaResource}) declare paths as if the app were served at the root.
 */
@Route("/koa/[[default]]")
@InitParam(name = "jakarta.ws.rs.Application", value = "dev.fetchlet.example.koa.KoaApplication")
// Unknown paths answer Jersey's own empty 404 rather than the container's error page.
@InitParam(name = "jersey.config.server.response.setStatusOverSendError", value = "true")
// WADL needs a JAXB implementation this app does not ship.
@InitParam(name = "jersey.config.server.wadl.disableWadl", value = "true")
@InitParam(name = KoaResource.GREETING_PARAM, value = "Hello from Koa on Fetchlet!")
public class Koa extends ServletContainer {
    private static final long serialVersionUID = 1L;
}
