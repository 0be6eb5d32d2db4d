package org.madang.platform.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The servlet container's own error answers (a path it normalises away, a request it cannot parse into the
 * application) as problem+json instead of Payara's HTML page. Mapped in web.xml as the error page of each status.
 */
@WebServlet("/problem-page")
public class ContainerErrorPage extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : HttpServletResponse.SC_NOT_FOUND;
        ProblemType type = ProblemType.forStatus(status);
        String language = request.getHeader("Accept-Language");
        boolean korean = language == null || !language.trim().toLowerCase().startsWith("en");
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String accept = request.getHeader("Accept");
        if (!(path instanceof String p && p.startsWith("/api")) && accept != null && accept.contains("text/html")) {
            // a person in a browser: a page, not JSON
            response.setStatus(status);
            response.setContentType("text/html;charset=UTF-8");
            String title = type.title(korean);
            response.getOutputStream().write(("<!doctype html><html lang=\"" + (korean ? "ko" : "en") + "\"><head><meta charset=\"utf-8\">"
                    + "<title>" + title + " – 마당 Madang</title></head><body><main><h1>" + title + "</h1><p><a href=\"/\">"
                    + (korean ? "첫 화면으로" : "Home") + "</a></p></main></body></html>").getBytes(StandardCharsets.UTF_8));
            return;
        }
        String body = "{\"type\":\"" + type.uri() + "\",\"title\":\"" + type.title(korean) + "\",\"status\":" + status + "}";
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE + ";charset=UTF-8");
        response.setHeader("Content-Language", korean ? "ko" : "en");
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
