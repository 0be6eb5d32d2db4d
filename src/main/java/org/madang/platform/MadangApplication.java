package org.madang.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** All JSON resources live under /api; the web front end is served from the root. */
@ApplicationPath("/api")
public class MadangApplication extends Application {

    /**
     * Error responses are written as they are (setStatus), not through the servlet container's sendError, which
     * would replace a problem+json body with an HTML error page.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.response.setStatusOverSendError", true);
    }
}
