package dev.fetchlet.launcher;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;

/**
 * h2c by prior knowledge only: a connection that opens with the HTTP/2 preface speaks HTTP/2 (what Knative's
 * queue-proxy and {@code curl --http2-prior-knowledge} do), while an HTTP/1.1 request asking
 * {@code Upgrade: h2c} is answered in HTTP/1.1 as if it had not asked.
 *
 * <p>RFC 9113 (section 3.1) deprecates the {@code h2c} upgrade, and clients such as the JDK's
 * {@code HttpClient} send it on every first cleartext request by default: honouring it would move them to
 * HTTP/2 without their user choosing it, and change what they see of the HTTP/1.1 behaviour (a stop's
 * {@code Connection: close}, for one).
 */
final class PriorKnowledgeH2c extends HTTP2CServerConnectionFactory {
    /** The method of the request line Jetty's HTTP/1.1 parser makes of the HTTP/2 connection preface. */
    private static final String PREFACE_METHOD = "PRI";

    PriorKnowledgeH2c(HttpConfiguration config) {
        super(config);
    }

    @Override
    public Connection upgradeConnection(Connector connector, EndPoint endPoint, MetaData.Request request,
                                        HttpFields.Mutable responseFields) {
        if (!PREFACE_METHOD.equals(request.getMethod())) {
            return null; // an Upgrade: h2c header: declined, the request goes on in HTTP/1.1
        }
        return super.upgradeConnection(connector, endPoint, request, responseFields);
    }
}
