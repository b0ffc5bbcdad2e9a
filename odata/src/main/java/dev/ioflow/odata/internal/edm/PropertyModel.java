package dev.ioflow.odata.internal.edm;

import dev.ioflow.core.AttributeDescriptor;
import dev.ioflow.core.IntegrationObjectAttribute;
import org.apache.olingo.odata2.api.edm.EdmSimpleTypeKind;
import org.jspecify.annotations.Nullable;

/**
 * A primitive property of an entity type: an IO attribute (or a synthetic helper property such as
 * {@code integrationKey}, {@code language}, {@code value}, {@code key}; those have no attribute).
 *
 * @param name       the property name in payloads and in the EDMX
 * @param attribute  the IO attribute, {@code null} for synthetic properties
 * @param descriptor the type-system attribute read and written, {@code null} for synthetic properties
 * @param edmType    the Edm type
 * @param unique     whether the property is part of the item's key ({@code s:IsUnique})
 * @param localized  whether the value is language dependent ({@code s:IsLanguageDependent})
 * @param nullable   the EDMX {@code Nullable}
 */
public record PropertyModel(String name, @Nullable IntegrationObjectAttribute attribute, @Nullable AttributeDescriptor descriptor,
                            EdmSimpleTypeKind edmType, boolean unique, boolean localized, boolean nullable) {

    static PropertyModel synthetic(String name, EdmSimpleTypeKind type, boolean nullable) {
        return new PropertyModel(name, null, null, type, false, false, nullable);
    }
}
