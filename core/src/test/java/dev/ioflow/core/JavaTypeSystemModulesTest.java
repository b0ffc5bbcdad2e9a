package dev.ioflow.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@link JavaTypeSystem} reads classes of a named module: ioflow (as the named module
 * {@code dev.ioflow.core}) and a user module {@code demo} are compiled and loaded in a module layer, and a
 * probe in {@code demo} reports what the type system did.
 */
class JavaTypeSystemModulesTest {
    private static final List<String> LIBRARIES = List.of("jackson-", "jakarta.validation-api", "jspecify",
            "hibernate-validator", "jboss-logging", "classmate", "slf4j-api");
    private static final Map<String, String> SOURCES = Map.of(
            "module-info.java", """
                    module demo {
                        requires dev.ioflow.core;
                        exports com.demo.api;
                        opens com.demo.api to dev.ioflow.core;
                        opens com.demo.open to dev.ioflow.core;
                    }""",
            "com/demo/api/Customer.java", "package com.demo.api; public record Customer(String customerID, String contactEmail) {}",
            "com/demo/open/Secret.java", "package com.demo.open; record Secret(String code) {}",
            "com/demo/closed/Closed.java", "package com.demo.closed; public record Closed(String code) {}",
            "com/demo/api/Probe.java", """
                    package com.demo.api;
                    import dev.ioflow.core.*;
                    import java.util.*;
                    public final class Probe {
                        public static List<String> run() throws Exception {
                            List<String> out = new ArrayList<>();
                            AttributeAccessor email = JavaTypeSystem.of(Customer.class).require("Customer")
                                    .attribute("contactEmail").accessor();
                            out.add(email.read(new Customer("c1", "c1@example.com")) + " " + email.getClass().isHidden());
                            Class<?> secret = Class.forName("com.demo.open.Secret");
                            var constructor = secret.getDeclaredConstructor(String.class);
                            constructor.setAccessible(true);
                            AttributeAccessor code = JavaTypeSystem.of(secret).require("Secret").attribute("code").accessor();
                            out.add(code.read(constructor.newInstance("s1")) + " " + code.getClass().isHidden());
                            try {
                                JavaTypeSystem.of(Class.forName("com.demo.closed.Closed"));
                            } catch (IllegalArgumentException e) {
                                out.add(e.getMessage());
                            }
                            IntegrationObject io = IntegrationObject.builder("ioCustomer")
                                    .item("Customer", i -> i.root().attribute("customerID", a -> a.unique()).attribute("contactEmial"))
                                    .build();
                            IntegrationObjectValidator.create().validate(io, JavaTypeSystem.of(Customer.class))
                                    .forEach(p -> out.add(p.toString()));
                            return out;
                        }
                    }""");

    private static List<String> report;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void runProbeInAModuleLayer(@TempDir Path dir) throws Exception {
        Path sources = dir.resolve("src");
        for (Map.Entry<String, String> source : SOURCES.entrySet()) {
            Path file = sources.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
        }
        List<Path> modulePath = modulePath();
        Path classes = dir.resolve("classes");
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--module-path", join(modulePath)));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        assertThat(ToolProvider.findFirst("javac").orElseThrow().run(System.out, System.err, args.toArray(String[]::new))).isZero();

        List<Path> all = new ArrayList<>(modulePath);
        all.add(classes);
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolve(ModuleFinder.of(all.toArray(Path[]::new)), ModuleFinder.of(), Set.of("demo"));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
        report = (List<String>) layer.findLoader("demo").loadClass("com.demo.api.Probe").getMethod("run").invoke(null);
    }

    @Test
    void publicExportedClassesAreReadThroughGeneratedClasses() {
        assertThat(report.get(0)).isEqualTo("c1@example.com true");
    }

    @Test
    void nonPublicClassOfAnOpenPackageIsReadThroughAMethodHandle() {
        assertThat(report.get(1)).isEqualTo("s1 false");
    }

    @Test
    void classOfAPackageNeitherOpenNorExportedIsRejectedWithTheFix() {
        assertThat(report.get(2)).isEqualTo("class com.demo.closed.Closed in module demo is not readable by ioflow: add"
                + " 'opens com.demo.closed to dev.ioflow.core;' to that module's module-info.java, or make the class"
                + " public in an exported package");
    }

    @Test
    void definitionRecordsAreValidatedInANamedModule() {
        assertThat(report.get(3)).isEqualTo("ioCustomer/items/Customer/attributes/contactEmial: attribute 'contactEmial'"
                + " does not exist on type 'Customer' (known: customerID, contactEmail)");
    }

    /** ioflow core's compiled classes (with their module-info) and the modules it requires. */
    private static List<Path> modulePath() throws URISyntaxException, IOException {
        List<Path> path = new ArrayList<>();
        path.add(Path.of(JavaTypeSystem.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.endsWith(".jar") && LIBRARIES.stream().anyMatch(name::startsWith)) {
                path.add(Path.of(entry));
            }
        }
        return path;
    }

    private static String join(List<Path> paths) {
        return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
    }
}
