package dev.ioflow.core.internal.sap;

import dev.ioflow.core.internal.sap.TypeDeclarations.Attribute;
import dev.ioflow.core.internal.sap.TypeDeclarations.ItemDeclaration;
import dev.ioflow.core.internal.sap.TypeDeclarations.MapDeclaration;
import java.util.Map;
import java.util.Optional;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects the declarations of one {@code items.xml} into {@link TypeDeclarations}, reporting elements that
 * lack what they need (a code, a qualifier, a type) at {@code file:line:column}. Elements the type system does
 * not need (deployments, persistence, custom properties, descriptions, indexes) are skipped.
 */
final class ItemsXmlHandler extends DefaultHandler {
    private static final String DEFAULT_SUPERTYPE = "GenericItem";

    private final String source;
    private final TypeDeclarations into;
    private final XmlProblems problems;
    private Locator locator;

    private ItemDeclaration item;
    private String attributeQualifier;
    private String attributeType;
    private boolean attributeUnique;
    /** The {@code optional} modifier as written ({@code null}: not written). */
    private Boolean attributeOptional;
    private boolean attributeDefault;
    private String attributeAt;

    /** The ends of the relation being read, and the end being read. */
    private RelationEnd source0;
    private RelationEnd target0;
    private RelationEnd end;

    private static final class RelationEnd {
        String type;
        String qualifier;
        boolean many;
        boolean navigable;
        boolean unique;
        boolean mandatory;
        String at;
    }

    ItemsXmlHandler(String source, TypeDeclarations into, XmlProblems problems) {
        this.source = source;
        this.into = into;
        this.problems = problems;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        this.locator = locator;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes xml) {
        switch (qName) {
            case "itemtype" -> startItem(xml);
            case "attribute" -> startAttribute(xml);
            case "modifiers" -> modifiers(xml);
            case "defaultvalue" -> attributeDefault = attributeQualifier != null;
            case "enumtype" -> required(xml, "code", "enumtype").ifPresent(into.enums::add);
            case "collectiontype" -> collection(xml);
            case "maptype" -> map(xml);
            case "relation" -> {
                source0 = null;
                target0 = null;
            }
            case "sourceElement", "targetElement" -> startRelationEnd(qName, xml);
            default -> {
                // deployments, persistence, descriptions, indexes, custom properties: not part of the type system
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        switch (qName) {
            case "itemtype" -> item = null;
            case "attribute" -> endAttribute();
            case "sourceElement", "targetElement" -> end = null;
            case "relation" -> endRelation();
            default -> {
                // nothing to finish
            }
        }
    }

    @Override
    public void error(SAXParseException e) {
        problems.add(at(e.getLineNumber(), e.getColumnNumber()), e.getMessage());
    }

    private void startItem(Attributes xml) {
        Optional<String> code = required(xml, "code", "itemtype");
        if (code.isEmpty()) {
            item = new ItemDeclaration("", null, here()); // collects its attributes, then is dropped
            return;
        }
        String written = xml.getValue("extends");
        String supertype = blankToNull(written);
        ItemDeclaration known = into.items.get(code.get());
        if (known == null) {
            // No extends means GenericItem, as in SAP; an empty one (only the root type has it) means none.
            item = new ItemDeclaration(code.get(), written == null ? DEFAULT_SUPERTYPE : supertype, here());
            into.items.put(code.get(), item);
        } else {
            item = known;
            if (supertype != null) {
                item.supertype = supertype;
            }
        }
    }

    private void startAttribute(Attributes xml) {
        if (item == null) {
            return; // an attribute of another element, e.g. an index key
        }
        attributeQualifier = blankToNull(xml.getValue("qualifier"));
        attributeType = blankToNull(xml.getValue("type"));
        attributeUnique = false;
        attributeOptional = null;
        attributeDefault = false;
        attributeAt = here();
        if (attributeQualifier == null) {
            problems.add(attributeAt, "attribute of item type '" + item.code + "' has no qualifier");
        }
        if (attributeType == null && !"true".equals(xml.getValue("redeclare"))) {
            problems.add(attributeAt, "attribute '" + attributeQualifier + "' of item type '" + item.code + "' has no type");
        }
    }

    private void endAttribute() {
        if (item == null || attributeQualifier == null) {
            return;
        }
        Attribute known = item.attributes.get(attributeQualifier);
        String type = attributeType != null ? attributeType : known == null ? null : known.type();
        if (type != null && !item.code.isEmpty()) {
            boolean inherited = known != null && attributeType == null;
            boolean optional = attributeOptional != null ? attributeOptional : !(inherited && known.mandatory());
            item.attributes.put(attributeQualifier, new Attribute(attributeQualifier, type, false,
                    attributeUnique || inherited && known.unique(), !optional && !attributeDefault, attributeAt));
        }
        attributeQualifier = null;
    }

    /**
     * SAP's {@code unique} and {@code optional} modifiers. An attribute is mandatory when {@code optional="false"}
     * and it has no {@code defaultvalue} (SAP's EDMX rule: a default makes it nullable); a redeclaration without an
     * {@code optional} modifier keeps the earlier declaration's.
     */
    private void modifiers(Attributes xml) {
        boolean unique = "true".equalsIgnoreCase(xml.getValue("unique"));
        String optional = xml.getValue("optional");
        if (end != null) {
            end.unique = unique;
            end.mandatory = "false".equalsIgnoreCase(optional);
        } else if (attributeQualifier != null) {
            attributeUnique = unique;
            if (optional != null) {
                attributeOptional = !"false".equalsIgnoreCase(optional.strip());
            }
        }
    }

    private void collection(Attributes xml) {
        Optional<String> code = required(xml, "code", "collectiontype");
        Optional<String> element = required(xml, "elementtype", "collectiontype");
        if (code.isPresent() && element.isPresent()) {
            into.collections.put(code.get(), element.get());
        }
    }

    private void map(Attributes xml) {
        Optional<String> code = required(xml, "code", "maptype");
        if (code.isPresent()) {
            into.maps.put(code.get(), new MapDeclaration(xml.getValue("argumenttype"), xml.getValue("returntype")));
        }
    }

    private void startRelationEnd(String name, Attributes xml) {
        end = new RelationEnd();
        end.at = here();
        end.type = required(xml, "type", name).orElse(null);
        end.qualifier = blankToNull(xml.getValue("qualifier"));
        end.many = "many".equalsIgnoreCase(xml.getValue("cardinality"));
        end.navigable = !"false".equalsIgnoreCase(xml.getValue("navigable"));
        if (end.qualifier == null && end.navigable) {
            problems.add(end.at, name + " of a relation has no qualifier (and is not navigable=\"false\")");
        }
        if ("sourceElement".equals(name)) {
            source0 = end;
        } else {
            target0 = end;
        }
    }

    /** A relation adds the source end's qualifier to the target type and the target end's to the source type. */
    private void endRelation() {
        if (source0 == null || target0 == null || source0.type == null || target0.type == null) {
            return;
        }
        addEnd(target0.type, source0);
        addEnd(source0.type, target0);
    }

    private void addEnd(String ownerType, RelationEnd end) {
        if (end.navigable && end.qualifier != null) {
            into.relationEnds.add(Map.entry(ownerType, new Attribute(end.qualifier, end.type, end.many, end.unique, end.mandatory, end.at)));
        }
    }

    private Optional<String> required(Attributes xml, String name, String element) {
        String value = blankToNull(xml.getValue(name));
        if (value == null) {
            problems.add(here(), element + " has no " + name);
        }
        return Optional.ofNullable(value);
    }

    private String here() {
        return locator == null ? source : at(locator.getLineNumber(), locator.getColumnNumber());
    }

    private String at(int line, int column) {
        return source + ":" + line + ":" + column;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
