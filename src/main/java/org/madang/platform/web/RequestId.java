package org.madang.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Gives every request an id (the caller's X-Request-Id when it is sane, else a new one), returns it in the response
 * and writes one structured access-log line per API request, so a failure report can be matched to the logs.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true, filterName = "RequestId")
public class RequestId extends HttpFilter {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final Logger ACCESS = Logger.getLogger("org.madang.access");
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    public static String current() {
        String id = CURRENT.get();
        return id == null ? "-" : id;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String offered = request.getHeader(HEADER);
        String id = offered != null && SANE.matcher(offered).matches() ? offered : newId();
        CURRENT.set(id);
        response.setHeader(HEADER, id);
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.remove();
            if (request.getRequestURI().startsWith("/api/") && ACCESS.isLoggable(Level.INFO)) {
                long micros = (System.nanoTime() - started) / 1000;
                // logp names the source, so no stack walk finds it for each line
                ACCESS.logp(Level.INFO, RequestId.class.getName(), "doFilter", () -> "{\"requestId\":\"" + id + "\",\"method\":\"" + request.getMethod()
                        + "\",\"path\":\"" + jsonSafe(request.getRequestURI()) + "\",\"status\":" + response.getStatus()
                        + ",\"micros\":" + micros + "}");
            }
        }
    }

    private static String newId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String jsonSafe(String text) {
        var out = new StringBuilder(Math.min(text.length(), 300));
        for (int i = 0; i < text.length() && i < 300; i++) {
            char c = text.charAt(i);
            out.append(c == '"' || c == '\\' || c < 0x20 ? '_' : c);
        }
        return out.toString();
    }
}
