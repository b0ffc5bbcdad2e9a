package dev.ioflow.spring.internal;

import dev.ioflow.core.ImpexImporter;
import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.IntegrationObjectJson;
import dev.ioflow.core.IoflowException;
import dev.ioflow.spring.IoflowConfigurationException;
import dev.ioflow.spring.IoflowDefinitions;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/** Reads the integration objects of {@code ioflow.definitions} (ImpEx or JSON files) and merges them with beans. */
public final class DefinitionLoader {
    private DefinitionLoader() {
    }

    /**
     * The integration objects of the definition files, then the beans.
     *
     * @throws IoflowConfigurationException naming the property when a location matches nothing, a file is not
     *                                      ImpEx or JSON or does not parse (with each problem's line or JSON
     *                                      path), or two integration objects share a code
     */
    public static IoflowDefinitions load(List<String> locations, ResourcePatternResolver resolver,
                                                      List<IntegrationObject> beans) {
        Map<String, IntegrationObject> byCode = new LinkedHashMap<>();
        for (int i = 0; i < locations.size(); i++) {
            String property = "ioflow.definitions[" + i + "]";
            for (Resource file : resolve(resolver, locations.get(i), property)) {
                for (IntegrationObject io : read(file, property)) {
                    add(byCode, io, property + " (" + file.getDescription() + ")");
                }
            }
        }
        for (IntegrationObject io : beans) {
            add(byCode, io, "ioflow.definitions");
        }
        return IoflowDefinitions.of(byCode.values());
    }

    private static Resource[] resolve(ResourcePatternResolver resolver, String location, String property) {
        Resource[] files;
        try {
            files = resolver.getResources(location);
        } catch (FileNotFoundException e) {
            throw new IoflowConfigurationException(property, "'" + location + "' matches no file", e);
        } catch (IOException e) {
            throw new IoflowConfigurationException(property, "cannot list '" + location + "': " + e.getMessage(), e);
        }
        List<Resource> existing = new ArrayList<>();
        for (Resource r : files) {
            if (r.exists()) {
                existing.add(r);
            }
        }
        if (existing.isEmpty()) {
            throw new IoflowConfigurationException(property, "'" + location + "' matches no file");
        }
        return existing.toArray(Resource[]::new);
    }

    private static List<IntegrationObject> read(Resource file, String property) {
        String name = file.getFilename() == null ? "" : file.getFilename().toLowerCase(Locale.ROOT);
        boolean impex = name.endsWith(".impex");
        if (!impex && !name.endsWith(".json")) {
            throw new IoflowConfigurationException(property, file.getDescription()
                    + " is neither an ImpEx (.impex) nor a JSON (.json) definition file");
        }
        String where = location(file);
        try (Reader in = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            return impex ? ImpexImporter.create().read(in, where) : IntegrationObjectJson.create().read(in, where);
        } catch (IOException e) {
            throw new IoflowConfigurationException(property, "cannot read " + where + ": " + e.getMessage(), e);
        } catch (IoflowException e) {
            // The message lists each problem with its place: file:line:column (ImpEx) or JSON path and line.
            throw new IoflowConfigurationException(property, "bad definitions: " + e.getMessage(), e);
        }
    }

    /** The file's URL (e.g. file:/etc/shop/ioCustomer.impex), which the problems' places start with. */
    private static String location(Resource file) {
        try {
            return file.getURL().toString();
        } catch (IOException e) {
            return file.getDescription();
        }
    }

    private static void add(Map<String, IntegrationObject> byCode, IntegrationObject io, String source) {
        if (byCode.putIfAbsent(io.code(), io) != null) {
            throw new IoflowConfigurationException(source, "integration object '" + io.code()
                    + "' is defined twice (in the definition files or as beans)");
        }
    }
}
