package dev.fetchlet.bench.gcf;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import java.nio.charset.StandardCharsets;

/** The hello-world function on Google's Functions Framework for Java, the peer Fetchlet is compared with. */
public class Hello implements HttpFunction {
    private static final byte[] BODY = "Hello, world!".getBytes(StandardCharsets.UTF_8);

    @Override
    public void service(HttpRequest request, HttpResponse response) throws Exception {
        response.setContentType("text/plain; charset=UTF-8");
        response.getOutputStream().write(BODY);
    }
}
