package org.madang.platform.openapi;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The application's JAX-RS root resources and its application path, found by listing the classes under a root
 * package on the class path (WEB-INF/classes in the deployed WAR, target/classes in tests). A new feature's resources
 * appear without being registered anywhere.
 */
public record ResourceClasses(String applicationPath, List<Class<?>> resources) {

    /** Scans every class below {@code rootPackage} that {@code loader} can see, in name order. */
    public static ResourceClasses scan(ClassLoader loader, String rootPackage) {
        var names = new TreeSet<String>();
        String folder = rootPackage.replace('.', '/') + "/";
        try {
            for (URL url : Collections.list(loader.getResources(folder))) {
                names.addAll(classNames(url, folder));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String applicationPath = "";
        var resources = new ArrayList<Class<?>>();
        for (String name : names) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError unloadable) {
                continue; // e.g. a class whose optional dependency is absent: it cannot be a resource of this application
            }
            if (type.isAnnotationPresent(ApplicationPath.class)) {
                applicationPath = type.getAnnotation(ApplicationPath.class).value();
            }
            if (type.isAnnotationPresent(Path.class) && !type.isInterface() && !Modifier.isAbstract(type.getModifiers())
                    && !type.isAnonymousClass()) {
                resources.add(type);
            }
        }
        resources.sort(Comparator.comparing(Class::getName));
        return new ResourceClasses(applicationPath, List.copyOf(resources));
    }

    private static List<String> classNames(URL url, String folder) throws IOException {
        var names = new ArrayList<String>();
        if ("file".equals(url.getProtocol())) {
            File root;
            try {
                root = new File(url.toURI());
            } catch (URISyntaxException e) {
                root = new File(url.getPath());
            }
            java.nio.file.Path base = root.toPath();
            try (Stream<java.nio.file.Path> files = Files.walk(base)) {
                files.filter(p -> p.toString().endsWith(".class")).forEach(p -> {
                    String relative = base.relativize(p).toString().replace(File.separatorChar, '/');
                    names.add(toClassName(folder + relative));
                });
            }
        } else if ("jar".equals(url.getProtocol())) {
            var connection = (JarURLConnection) url.openConnection();
            connection.setUseCaches(false);
            try (var jar = connection.getJarFile()) {
                jar.stream().map(java.util.zip.ZipEntry::getName)
                        .filter(n -> n.startsWith(folder) && n.endsWith(".class"))
                        .forEach(n -> names.add(toClassName(n)));
            }
        }
        names.removeIf(n -> n.endsWith("module-info") || n.endsWith("package-info"));
        return names;
    }

    private static String toClassName(String entry) {
        return entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
    }
}
