/**
 * Test helpers for users' functions and handlers: start a Fetchlet app on a free loopback port, hand the test a
 * client, stop it afterwards.
 *
 * <pre>{@code
 * @Test
 * void greets() throws Exception {
 *     FunctionTest.test(Greeter.class, (server, client) -> {
 *         HttpResponse<String> r = client.get("/?name=Tiger");
 *         assertEquals("Hello, Tiger", r.body());
 *     });
 * }
 * }</pre>
 *
 * <p>They live in the launcher module because they need an embedded server, which the adapter (a plain
 * library a WAR bundles) must not carry; function projects depend on the launcher anyway, to run locally.
 */
package dev.fetchlet.launcher.testing;
