package dev.ioflow.core.internal.definitions;

import dev.ioflow.core.DefinitionParseException;
import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.IoflowException;
import dev.ioflow.core.internal.definitions.ImpexHeader.Mode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;

/**
 * Reads integration-object definitions from SAP Commerce ImpEx text: scans lines, parses headers, merges rows
 * and assembles the integration objects, reporting every problem of the source in one
 * {@link DefinitionParseException}. Blocks of other item types are skipped.
 */
public final class ImpexDefinitionReader {
    private static final Logger LOG = LoggerFactory.getLogger(ImpexDefinitionReader.class);

    /**
     * The integration objects defined in the text.
     *
     * @throws DefinitionParseException listing every problem, each at {@code source:line:column}
     * @throws IoflowException          when the reader fails
     */
    public List<IntegrationObject> read(Reader reader, String sourceName) {
        return read(List.of(new Source(sourceName, readAll(reader, sourceName))));
    }

    /**
     * One ImpEx text of a set.
     *
     * @param name the name problems are located by, e.g. the file name
     * @param text the ImpEx text
     */
    public record Source(String name, String text) {
    }

    /**
     * The integration objects defined by several texts read as one set, in order, as SAP Commerce imports
     * them: a later text may add items and attributes to an earlier text's integration objects and use its
     * virtual attribute descriptors (each text has its own macros).
     *
     * @throws DefinitionParseException listing every problem of every text, each at {@code name:line:column}
     */
    public List<IntegrationObject> read(List<Source> sources) {
        Problems problems = new Problems(sources.get(0).name());
        ImpexRows rows = new ImpexRows(problems);
        for (int i = 0; i < sources.size(); i++) {
            if (i > 0) {
                problems.next(sources.get(i).name());
            }
            scan(sources.get(i), problems, rows);
        }
        List<IntegrationObject> result = new ImpexAssembler(problems).assemble(rows);
        problems.throwIfAny();
        LOG.debug("{}: read {} integration objects", problems.source(), result.size());
        return result;
    }

    private static void scan(Source source, Problems problems, ImpexRows rows) {
        String sourceName = source.name();
        ImpexHeader header = null;
        for (ImpexLine line : new ImpexScanner(source.text(), problems).lines()) {
            Optional<Mode> mode = ImpexHeader.modeOf(line);
            if (mode.isPresent()) {
                header = ImpexHeader.parse(line, mode.get(), problems);
                if (header.type().isEmpty()) {
                    LOG.debug("{}:{}: skipping the {} block: not an integration-object definition", sourceName,
                            line.line(), header.typeCode());
                }
            } else if (isMisplacedHeader(line, header)) {
                ImpexValue first = line.values().get(0);
                problems.impex(first.line(), first.column(), header == null && first.isEmpty()
                        ? "data line before any header"
                        : "unknown header '" + first.text() + "': a header is INSERT_UPDATE, INSERT, UPDATE or REMOVE "
                        + "followed by a type, and a data line starts with ';'");
            } else if (header.type().isPresent()) {
                rows.add(header, line);
            }
        }
    }

    /** A line that is neither a header nor a data line of the current block. */
    private static boolean isMisplacedHeader(ImpexLine line, ImpexHeader header) {
        String first = line.values().get(0).text();
        if (header == null) {
            return true;
        }
        // In a block of another type, the first value may name a subtype of that type.
        return header.type().isPresent() && !first.isEmpty() && !first.equalsIgnoreCase(header.typeCode());
    }

    private static String readAll(Reader reader, String sourceName) {
        StringWriter text = new StringWriter();
        try {
            reader.transferTo(text);
        } catch (IOException e) {
            throw new IoflowException("cannot read " + sourceName + ": " + e.getMessage(), e);
        }
        return text.toString();
    }
}
