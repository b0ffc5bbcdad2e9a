package dev.ioflow.odata.internal.edm;

import java.util.List;
import org.apache.olingo.odata2.api.edm.FullQualifiedName;
import org.apache.olingo.odata2.api.edm.provider.Association;
import org.apache.olingo.odata2.api.edm.provider.AssociationSet;
import org.apache.olingo.odata2.api.edm.provider.EdmProvider;
import org.apache.olingo.odata2.api.edm.provider.EntityContainer;
import org.apache.olingo.odata2.api.edm.provider.EntityContainerInfo;
import org.apache.olingo.odata2.api.edm.provider.EntitySet;
import org.apache.olingo.odata2.api.edm.provider.EntityType;
import org.apache.olingo.odata2.api.edm.provider.Schema;

/** Olingo's view of one integration object's schema, answered from the prebuilt {@link Schema}. */
public final class IoEdmProvider extends EdmProvider {
    private final Schema schema;
    private final EntityContainer container;

    public IoEdmProvider(Schema schema) {
        this.schema = schema;
        this.container = schema.getEntityContainers().get(0);
    }

    @Override
    public List<Schema> getSchemas() {
        return List.of(schema);
    }

    @Override
    public EntityContainerInfo getEntityContainerInfo(String name) {
        if (name == null || name.equals(container.getName())) {
            return new EntityContainerInfo().setName(container.getName()).setDefaultEntityContainer(true);
        }
        return null;
    }

    @Override
    public EntityType getEntityType(FullQualifiedName name) {
        if (!IoModel.NAMESPACE.equals(name.getNamespace())) {
            return null;
        }
        return schema.getEntityTypes().stream().filter(t -> t.getName().equals(name.getName())).findFirst().orElse(null);
    }

    @Override
    public Association getAssociation(FullQualifiedName name) {
        if (!IoModel.NAMESPACE.equals(name.getNamespace())) {
            return null;
        }
        return schema.getAssociations().stream().filter(a -> a.getName().equals(name.getName())).findFirst().orElse(null);
    }

    @Override
    public EntitySet getEntitySet(String containerName, String name) {
        if (!container.getName().equals(containerName)) {
            return null;
        }
        return container.getEntitySets().stream().filter(s -> s.getName().equals(name)).findFirst().orElse(null);
    }

    @Override
    public AssociationSet getAssociationSet(String containerName, FullQualifiedName association, String sourceSet, String sourceRole) {
        if (!container.getName().equals(containerName)) {
            return null;
        }
        return container.getAssociationSets().stream()
                .filter(s -> s.getAssociation().equals(association)
                        && (s.getEnd1().getEntitySet().equals(sourceSet) && s.getEnd1().getRole().equals(sourceRole)
                        || s.getEnd2().getEntitySet().equals(sourceSet) && s.getEnd2().getRole().equals(sourceRole)))
                .findFirst().orElse(null);
    }
}
