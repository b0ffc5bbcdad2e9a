package dev.ioflow.cli;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.MapTypeSystem;
import dev.ioflow.core.SapTypeSystem;
import dev.ioflow.core.TypeSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The type system definitions are checked and rendered against: by default SAP Commerce's platform types
 * (ioflow's built-in catalog), plus a project's {@code items.xml} files, plus whatever the definitions declare that
 * neither knows; with {@code --no-platform-types}, only what the definitions declare.
 */
final class TypeSystemOptions {
    @Option(names = "--items", arity = "1..*", paramLabel = "ITEMS.xml",
            description = "SAP items.xml files of the project, read after the built-in SAP platform types.")
    private List<Path> itemsXml = new ArrayList<>();

    @Option(names = "--no-platform-types",
            description = "Check against the schema the definitions imply only, not against SAP's platform types.")
    private boolean noPlatformTypes;

    /**
     * The type system for these definitions.
     *
     * @throws UnreadableInputException when an items.xml file is missing or unreadable
     * @throws dev.ioflow.core.DefinitionParseException listing every problem of the items.xml files
     */
    TypeSystem typesFor(List<IntegrationObject> ios) {
        if (noPlatformTypes && itemsXml.isEmpty()) {
            return MapTypeSystem.derivedFrom(ios.toArray(IntegrationObject[]::new));
        }
        for (Path file : itemsXml) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new UnreadableInputException(file + ": no such readable file");
            }
        }
        return SapTypeSystem.builder().platformTypes(!noPlatformTypes).itemsXml(itemsXml).deriveUnknownFrom(ios).build();
    }

    /** The items.xml files given, for messages. */
    List<Path> itemsXml() {
        return List.copyOf(itemsXml);
    }
}
