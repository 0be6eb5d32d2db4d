package org.madang.forum.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.madang.forum.control.ThreadPages;
import org.madang.platform.auth.SessionCookies;

/**
 * Answers a signed-out read of a thread or its reply pages from {@link ThreadPages} before JAX-RS, when that exact
 * address was served before and the thread has not changed since: a busy thread's readers then cost no resource
 * instance, validation or serialisation. Anything else, and any request that could be signed in, goes on to the
 * resource. Mapped in web.xml after RequestId and SecurityHeaders, so these answers carry the same headers and
 * access-log line as every other.
 */
public class CachedThreadPagesFilter extends HttpFilter {

    public static final String HEADER = "X-Madang-View";
    private static final Pattern THREAD_READ = Pattern.compile("/api/forums/threads/[0-9a-fA-F-]{36}(/replies)?");

    @Inject
    ThreadPages threadPages;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        byte[] cached = signedOut(request) && "GET".equals(request.getMethod()) && THREAD_READ.matcher(request.getRequestURI()).matches()
                ? threadPages.current(ThreadPages.address(request.getRequestURI(), request.getQueryString())) : null;
        if (cached == null) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setContentLength(cached.length);
        response.setHeader(HEADER, "cached");
        response.getOutputStream().write(cached);
    }

    /** No credentials at all: a request with any, even stale ones, is left to the authentication filters. */
    private static boolean signedOut(HttpServletRequest request) {
        if (request.getHeader("Authorization") != null) return false;
        Cookie[] cookies = request.getCookies();
        if (cookies == null) return true;
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(SessionCookies.ACCESS) || cookie.getName().equals(SessionCookies.REFRESH)) return false;
        }
        return true;
    }
}
