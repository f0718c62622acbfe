package br.com.whatsappoficial.webhook;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Hands the requests Tomcat mapped to Meta's callback servlet straight to it, ahead of the filter chain
 * every other request goes through. The callback needs none of those filters (no session, no security
 * context, no form parsing, no character encoding, no observation: its signature is its
 * authentication and it times itself), and they were two fifths of the CPU of each acknowledgement,
 * measured with {@code bench/run}, for a path Meta calls at three times the outbound message rate.
 */
final class MetaCallbackValve extends ValveBase {

    private final String servletName;
    private final HttpServlet servlet;

    MetaCallbackValve(String servletName, HttpServlet servlet) {
        super(true);
        this.servletName = servletName;
        this.servlet = servlet;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        Wrapper mapped = request.getWrapper();
        if (mapped != null && servletName.equals(mapped.getName())) {
            servlet.service(request.getRequest(), response.getResponse());
            return;
        }
        getNext().invoke(request, response);
    }
}
