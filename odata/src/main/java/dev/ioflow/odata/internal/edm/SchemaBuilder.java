package dev.ioflow.odata.internal.edm;

import java.util.ArrayList;
import java.util.List;
import org.apache.olingo.odata2.api.edm.EdmMultiplicity;
import org.apache.olingo.odata2.api.edm.FullQualifiedName;
import org.apache.olingo.odata2.api.edm.provider.AnnotationAttribute;
import org.apache.olingo.odata2.api.edm.provider.Association;
import org.apache.olingo.odata2.api.edm.provider.AssociationEnd;
import org.apache.olingo.odata2.api.edm.provider.AssociationSet;
import org.apache.olingo.odata2.api.edm.provider.AssociationSetEnd;
import org.apache.olingo.odata2.api.edm.provider.EntityContainer;
import org.apache.olingo.odata2.api.edm.provider.EntitySet;
import org.apache.olingo.odata2.api.edm.provider.EntityType;
import org.apache.olingo.odata2.api.edm.provider.Facets;
import org.apache.olingo.odata2.api.edm.provider.Key;
import org.apache.olingo.odata2.api.edm.provider.NavigationProperty;
import org.apache.olingo.odata2.api.edm.provider.Property;
import org.apache.olingo.odata2.api.edm.provider.PropertyRef;
import org.apache.olingo.odata2.api.edm.provider.Schema;
import org.apache.olingo.odata2.api.edm.provider.SimpleProperty;

/**
 * Builds the Olingo schema of an {@link IoModel} the way SAP's {@code $metadata} shows it: namespace
 * {@code HybrisCommerceOData} with {@code s:schema-version="1"}, one container {@code Container}, associations
 * {@code FK_<Item>_<attribute>}, association sets {@code <Item>_<TargetSet>}, SAP annotations only when true.
 */
public final class SchemaBuilder {
    /** SAP's annotation namespace, prefix {@code s}. */
    public static final String SAP_NAMESPACE = "http://schemas.sap.com/commerce";
    public static final String SAP_PREFIX = "s";
    public static final String CONTAINER = "Container";

    private SchemaBuilder() {
    }

    /**
     * The schema of {@code model}.
     *
     * @param forMetadata true for the {@code $metadata} document (SAP's {@code Nullable} per property); false for
     *                    processing, where every non-key property is nullable: Olingo refuses to serialize a null
     *                    declared non-nullable, and an item stored without a mandatory value (written by the
     *                    application, not through the service) must still be readable
     */
    public static Schema build(IoModel model, boolean forMetadata) {
        List<EntityType> types = new ArrayList<>();
        List<Association> associations = new ArrayList<>();
        List<EntitySet> sets = new ArrayList<>();
        List<AssociationSet> associationSets = new ArrayList<>();
        for (EntityModel e : model.entities()) {
            types.add(entityType(e, forMetadata));
            sets.add(new EntitySet().setName(e.setName()).setEntityType(fqn(e.name())));
            for (NavModel nav : e.navs()) {
                EntityModel target = model.entity(nav.target());
                associations.add(association(e, nav));
                associationSets.add(new AssociationSet().setName(e.name() + "_" + target.setName())
                        .setAssociation(fqn(associationName(e, nav)))
                        .setEnd1(new AssociationSetEnd().setRole(e.name()).setEntitySet(e.setName()))
                        .setEnd2(new AssociationSetEnd().setRole(nav.toRole()).setEntitySet(target.setName())));
            }
        }
        EntityContainer container = new EntityContainer().setName(CONTAINER).setDefaultEntityContainer(true)
                .setEntitySets(sets).setAssociationSets(associationSets);
        return new Schema().setNamespace(IoModel.NAMESPACE)
                .setAnnotationAttributes(List.of(sap("schema-version", "1")))
                .setEntityTypes(types).setAssociations(associations).setEntityContainers(List.of(container));
    }

    public static FullQualifiedName fqn(String name) {
        return new FullQualifiedName(IoModel.NAMESPACE, name);
    }

    public static String associationName(EntityModel source, NavModel nav) {
        return "FK_" + source.name() + "_" + nav.name();
    }

    private static EntityType entityType(EntityModel e, boolean forMetadata) {
        List<Property> properties = new ArrayList<>();
        for (PropertyModel p : e.properties()) {
            List<AnnotationAttribute> annotations = new ArrayList<>();
            if (p.unique()) {
                annotations.add(sap("IsUnique", "true"));
            }
            if (p.localized()) {
                annotations.add(sap("IsLanguageDependent", "true"));
            }
            if (p.name().equals(IoModel.INTEGRATION_KEY) && e.keyAlias() != null) {
                annotations.add(sap("Alias", e.keyAlias()));
            }
            SimpleProperty sp = new SimpleProperty().setName(p.name()).setType(p.edmType())
                    .setFacets(new Facets().setNullable(p.nullable() || !forMetadata && !p.name().equals(e.keyName())));
            if (!annotations.isEmpty()) {
                sp.setAnnotationAttributes(annotations);
            }
            properties.add(sp);
        }
        List<NavigationProperty> navs = new ArrayList<>();
        for (NavModel nav : e.navs()) {
            List<AnnotationAttribute> annotations = new ArrayList<>();
            if (nav.attribute() != null && nav.attribute().unique() || nav.descriptor() != null && nav.descriptor().unique()) {
                annotations.add(sap("IsUnique", "true"));
            }
            if (nav.attribute() != null && nav.attribute().autoCreate()) {
                annotations.add(sap("IsAutoCreate", "true"));
            }
            if (nav.attribute() != null && nav.attribute().partOf()) {
                annotations.add(sap("IsPartOf", "true"));
            }
            // SAP writes Nullable on navigation properties too (not in the CSDL; clients ignore or read it)
            boolean required = nav.descriptor() != null && IoModel.required(nav.descriptor());
            annotations.add(0, new AnnotationAttribute().setName("Nullable").setText(required ? "false" : "true"));
            NavigationProperty np = new NavigationProperty().setName(nav.name())
                    .setRelationship(fqn(associationName(e, nav))).setFromRole(e.name()).setToRole(nav.toRole());
            np.setAnnotationAttributes(annotations);
            navs.add(np);
        }
        return new EntityType().setName(e.name())
                .setKey(new Key().setKeys(List.of(new PropertyRef().setName(e.keyName()))))
                .setProperties(properties).setNavigationProperties(navs);
    }

    private static Association association(EntityModel source, NavModel nav) {
        boolean localized = nav.kind() == NavModel.Kind.LOCALIZED;
        return new Association().setName(associationName(source, nav))
                .setEnd1(new AssociationEnd().setRole(source.name()).setType(fqn(source.name()))
                        .setMultiplicity(localized ? EdmMultiplicity.ONE : EdmMultiplicity.ZERO_TO_ONE))
                .setEnd2(new AssociationEnd().setRole(nav.toRole()).setType(fqn(nav.target()))
                        .setMultiplicity(nav.many() ? EdmMultiplicity.MANY : EdmMultiplicity.ZERO_TO_ONE));
    }

    private static AnnotationAttribute sap(String name, String value) {
        return new AnnotationAttribute().setNamespace(SAP_NAMESPACE).setPrefix(SAP_PREFIX).setName(name).setText(value);
    }
}
