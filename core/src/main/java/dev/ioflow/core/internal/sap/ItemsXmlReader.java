package dev.ioflow.core.internal.sap;

import dev.ioflow.core.DefinitionParseException;
import dev.ioflow.core.IoflowException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads SAP Commerce {@code items.xml} files, in order, into resolved types. The JDK's SAX parser is used with
 * DTDs and external entities disabled (an {@code items.xml} needs neither; refusing them rules out XXE), and
 * every problem of every file is reported together at {@code file:line:column}. Not thread-safe: one per read.
 */
public final class ItemsXmlReader {
    private static final String PLATFORM_RESOURCE = "platform-items.xml";
    private static final String PLATFORM_SOURCE = "ioflow:sap-platform-items.xml";

    private final TypeDeclarations declarations = new TypeDeclarations();
    private final XmlProblems problems = new XmlProblems();
    private String firstSource;

    /** Reads the built-in catalog of SAP platform types. */
    public ItemsXmlReader platform() {
        try (InputStream in = ItemsXmlReader.class.getResourceAsStream(PLATFORM_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the built-in SAP platform catalog " + PLATFORM_RESOURCE + " is missing");
            }
            return read(in, PLATFORM_SOURCE);
        } catch (IOException e) {
            throw new IoflowException("cannot read the built-in SAP platform catalog: " + e.getMessage(), e);
        }
    }

    /**
     * Reads one file's declarations; problems are collected until {@link #resolve()}.
     *
     * @throws IoflowException when the stream cannot be read
     */
    public ItemsXmlReader read(InputStream xml, String sourceName) {
        if (firstSource == null && !PLATFORM_SOURCE.equals(sourceName)) {
            firstSource = sourceName;
        }
        try {
            SAXParser parser = secureFactory().newSAXParser();
            InputSource input = new InputSource(xml);
            input.setSystemId(sourceName);
            parser.parse(input, new ItemsXmlHandler(sourceName, declarations, problems));
        } catch (SAXParseException e) {
            problems.add(sourceName + ":" + e.getLineNumber() + ":" + e.getColumnNumber(), "malformed XML: " + e.getMessage());
        } catch (SAXException e) {
            problems.add(sourceName, "malformed XML: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's SAX parser cannot be configured", e);
        } catch (IOException e) {
            throw new IoflowException("cannot read " + sourceName + ": " + e.getMessage(), e);
        }
        return this;
    }

    /**
     * The types of every file read, by code, in declaration order.
     *
     * @throws DefinitionParseException listing every problem of every file
     */
    public Map<String, ResolvedType> resolve() {
        Map<String, ResolvedType> types = new TypeResolver(declarations, problems).resolve();
        problems.throwIfAny(firstSource == null ? PLATFORM_SOURCE : firstSource);
        return types;
    }

    private static SAXParserFactory secureFactory() {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's SAX parser cannot be secured against external entities", e);
        }
        factory.setNamespaceAware(false);
        factory.setXIncludeAware(false);
        return factory;
    }
}
