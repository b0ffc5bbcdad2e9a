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
        Problems problems = new Problems(sourceName);
        ImpexRows rows = new ImpexRows(problems);
        ImpexHeader header = null;
        for (ImpexLine line : new ImpexScanner(readAll(reader, sourceName), problems).lines()) {
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
        List<IntegrationObject> result = new ImpexAssembler(problems).assemble(rows);
        problems.throwIfAny();
        LOG.debug("{}: read {} integration objects", sourceName, result.size());
        return result;
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
