package org.madang.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** All JSON resources live under /api; the web front end is served from the root. */
@ApplicationPath("/api")
public class MadangApplication extends Application {
}
