package dev.fetchlet.routing;

import static dev.fetchlet.routing.Routes.served;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of the seed's routing tables, against the seed's whole example tree. */
class SeedRoutesTest {
    private static final RouteTable<String> SEED = Routes.table(
            "/index",
            "/hello-pages",
            "/helloworld",
            "/api/users/list",
            "/api/users/geo",
            "/api/users/[id]",
            "/api/visit/index",
            "/api/[[default]]");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {
        "/,                    /index",
        "/hello-pages,         /hello-pages",
        "/hello-pages/,        /hello-pages",
        "/helloworld,          /helloworld",
        "/helloworld/,         /helloworld",
        "/api/users/list,      /api/users/list",
        "/api/users/geo,       /api/users/geo",
        "/api/users/1024,      /api/users/[id]",
        "/api/users/1024/,     /api/users/[id]",
        "/api/visit,           /api/visit/index",
        "/api/visit/,          /api/visit/index",
        "/api/books/list,      /api/[[default]]",
        "/api/books/1024,      /api/[[default]]",
        "/api/1024,            /api/[[default]]",
        // [id] spans one segment only: the catch-all takes what it refuses
        "/api/users/vip/1024,  /api/[[default]]",
        "/api/vip/1024,        /api/[[default]]",
        // index is the folder itself, not a segment of the URL; the catch-all may take it
        "/api/visit/index,     /api/[[default]]",
        "/index,               none",
        "/v2/vip/1024,         none",
        "/HelloWorld,          none",
        "/Helloworld,          none",
        "/API/users/list,      none",
        "/api,                 none",
        "/api/,                none",
        "/hello-pages//,       none",
        "/nothing,             none",
    })
    void seedTable(String path, String expected) {
        assertEquals(expected, served(SEED, path));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {
        "/api/users/1024,      /api/users/[id]",
        "/api/users/vip/1024,  none",
        "/api/vip/1024,        none",
        "/api/users,           none",
    })
    void paramRouteAlone(String path, String expected) {
        assertEquals(expected, served(Routes.table("/api/users/[id]"), path));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {
        "/api/books/list,  /api/[[default]]",
        "/api/1024,        /api/[[default]]",
        "/v2/vip/1024,     none",
        "/api,             none",
        "/api/,            none",
    })
    void catchAllRouteAlone(String path, String expected) {
        assertEquals(expected, served(Routes.table("/api/[[default]]"), path));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/api/visit", "/api/visit/"})
    void indexRouteDoesNotServeItsLiteralPath(String path) {
        RouteTable<String> table = Routes.table("/api/visit/index");
        assertEquals("/api/visit/index", served(table, path));
        assertNull(table.match("/api/visit/index"));
    }
}
