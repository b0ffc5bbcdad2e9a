package dev.ioflow.core;

import dev.ioflow.core.internal.definitions.DefinitionFiles;
import dev.ioflow.core.internal.definitions.ImpexDefinitionReader;

import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports integration-object definitions written in SAP Commerce ImpEx, so that existing integration objects
 * can be moved to ioflow as they are (then, for instance, saved with {@link IntegrationObjectJson}). Thread-safe.
 *
 * <pre>{@code
 * List<IntegrationObject> ios = ImpexImporter.create().read(Path.of("essentialdata-ioCustomer.impex"));
 * Files.writeString(Path.of("ioCustomer.json"), IntegrationObjectJson.create().write(ios));
 * }</pre>
 *
 * <h2>What is read</h2>
 * <pre>
 * $item = integrationObjectItem(integrationObject(code), code)
 * INSERT_UPDATE IntegrationObject; code[unique=true]; integrationType(code)
 * ; ioCustomer ; INBOUND
 * INSERT_UPDATE IntegrationObjectItem; integrationObject(code)[unique=true]; code[unique=true]; type(code); root[default=false]
 * ; ioCustomer ; Customer ; Customer ; true
 * INSERT_UPDATE IntegrationObjectItemAttribute; $item[unique=true]; attributeName[unique=true]; attributeDescriptor(enclosingType(code),qualifier); returnIntegrationObjectItem(integrationObject(code),code); unique[default=false]; autoCreate[default=false]
 * ; ioCustomer:Customer ; customerID   ; Customer:customerID   ;   ; true
 * ; ioCustomer:Customer ; contactEmail ; Customer:contactEmail ;   ;
 * </pre>
 * <ul>
 *   <li>Blocks: {@code INSERT_UPDATE}, {@code INSERT} or {@code UPDATE} of {@code IntegrationObject}
 *       ({@code code}, {@code integrationType(code)}), {@code IntegrationObjectItem} ({@code integrationObject(code)},
 *       {@code code}, {@code type(code)}, {@code root}, {@code itemTypeMatch(code)}),
 *       {@code IntegrationObjectItemAttribute} ({@code integrationObjectItem(integrationObject(code),code)},
 *       {@code attributeName}, {@code attributeDescriptor(enclosingType(code),qualifier)},
 *       {@code returnIntegrationObjectItem(integrationObject(code),code)}, {@code unique}, {@code autoCreate},
 *       {@code partOf}), and virtual attributes: {@code IntegrationObjectVirtualAttributeDescriptor}
 *       ({@code code}, {@code logicLocation} or {@code logicLocation(code)}, {@code type(code)}) with {@code IntegrationObjectItemVirtualAttribute}
 *       ({@code integrationObjectItem(integrationObject(code),code)}, {@code attributeName},
 *       {@code retrievalDescriptor(code)}), and classification attributes:
 *       {@code IntegrationObjectItemClassificationAttribute} ({@code integrationObjectItem(integrationObject(code),code)},
 *       {@code attributeName}, {@code classAttributeAssignment(classificationClass(catalogVersion(catalog(id),version),code),
 *       classificationAttribute(systemVersion(catalog(id),version),code))} written
 *       {@code system:version:classCode:system:version:attributeCode}, {@code returnIntegrationObjectItem(…)},
 *       {@code autoCreate}). Blocks of other types are skipped (logged at debug).</li>
 *   <li>Header modifiers in brackets (one group or several: {@code code[unique=true][default=x]}): {@code default}
 *       applies when a value is empty; {@code unique}, {@code allownull}, {@code forceWrite} and {@code ignorenull}
 *       are accepted. Type codes and column names may be in any case; blanks inside columns and modifiers are ignored.</li>
 *   <li>Values are {@code ;}-separated and trimmed; a double-quoted value is kept as written, may contain
 *       {@code ;} and line breaks, and writes a quote as {@code ""}. Reference values join their parts with
 *       {@code :} ({@code ioCustomer:Customer}, {@code Customer:customerID}).</li>
 *   <li>{@code #} comment lines, blank lines, {@code $macro=value} definitions (expanded in later lines), and
 *       a trailing {@code \} that continues a line on the next.</li>
 *   <li>Rows with the same key are merged as ImpEx would ({@code INSERT} of a known key and {@code UPDATE} of an
 *       unknown one are errors); rows may refer to rows further down the file. Items and attributes keep file
 *       order. An item's {@code type} defaults to its code; an attribute without descriptor reads the attribute
 *       named like it. An attribute descriptor of another type than the item's (a supertype's, as SAP allows:
 *       {@code Product:europe1Prices} on a {@code GenericVariantProduct} item) is kept as the attribute's
 *       {@link IntegrationObjectAttribute#descriptorType() descriptorType}, which the validator checks against
 *       the type system.</li>
 *   <li>{@link #read(List)} reads several files as one set, in order, as SAP imports them.</li>
 * </ul>
 *
 * <h2>Errors</h2>
 * Every problem of a file is reported in one {@link DefinitionParseException}, each at
 * {@code source:line:column}: unknown header or column, a line with more values than its header has columns,
 * an unterminated quote (at the quote that opens it), an item of an undefined integration object, an attribute
 * of an undefined item, a bad boolean or enum value, a malformed class attribute assignment, macro expansion beyond
 * its bounds (macros nested more than 16 levels deep, or more than 4 Mi characters inserted into one file by all
 * expansions together: a few hundred bytes of macros must not fill the heap). Files read as a set report every
 * problem of every file, each at its own file's line.
 *
 * @since 0.1
 */
public final class ImpexImporter {
    private static final String TEXT_SOURCE = "impex";

    private final ImpexDefinitionReader reader = new ImpexDefinitionReader();

    private ImpexImporter() {
        // stateless: every read has its own scanner and problem list
    }

    /** An importer. */
    public static ImpexImporter create() {
        return new ImpexImporter();
    }

    /**
     * The integration objects defined in ImpEx text; problems are located at {@code impex:line:column}.
     *
     * @throws DefinitionParseException listing every problem
     */
    public List<IntegrationObject> read(String impex) {
        return read(new StringReader(impex), TEXT_SOURCE);
    }

    /**
     * The integration objects defined in ImpEx read from {@code impex} (not closed); problems are located at
     * {@code sourceName:line:column}.
     *
     * @throws DefinitionParseException listing every problem
     * @throws IoflowException          when the reader fails
     */
    public List<IntegrationObject> read(Reader impex, String sourceName) {
        return reader.read(impex, sourceName);
    }

    /**
     * The integration objects defined in a UTF-8 ImpEx file; problems are located at {@code fileName:line:column}.
     *
     * @throws DefinitionParseException listing every problem
     * @throws IoflowException          when the file cannot be read
     */
    public List<IntegrationObject> read(Path file) {
        return DefinitionFiles.read(file, this::read);
    }

    /**
     * The integration objects defined by UTF-8 ImpEx files read as one set, in order, as SAP Commerce imports
     * them one after the other: a later file may add items and attributes to an earlier file's integration
     * objects, and use the virtual attribute descriptors an earlier file defines. Each file has its own macros.
     *
     * <pre>{@code
     * List<IntegrationObject> ios = ImpexImporter.create().read(List.of(Path.of("genericproduct.impex"),
     *         Path.of("electronicsproduct.impex")));
     * }</pre>
     *
     * @throws DefinitionParseException listing every problem of every file, each at {@code fileName:line:column}
     * @throws IoflowException          when a file cannot be read
     * @since 1.0
     */
    public List<IntegrationObject> read(List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no ImpEx files to read");
        }
        List<ImpexDefinitionReader.Source> sources = new ArrayList<>();
        for (Path file : files) {
            sources.add(new ImpexDefinitionReader.Source(DefinitionFiles.sourceName(file), DefinitionFiles.readText(file)));
        }
        return reader.read(sources);
    }
}
