package dev.ioflow.spring.internal;

import dev.ioflow.core.JavaTypeSystem;
import dev.ioflow.core.TypeSystem;
import dev.ioflow.spring.IoflowConfigurationException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.util.ClassUtils;

/** Builds the default type system from {@code ioflow.types}, and asks for the type system where one is needed. */
public final class TypeSystems {
    private TypeSystems() {
    }

    /** The class loader of the application's beans (for {@code ioflow.types} and definition files). */
    public static @Nullable ClassLoader classLoader(BeanFactory beans) {
        return beans instanceof ConfigurableBeanFactory c ? c.getBeanClassLoader() : TypeSystems.class.getClassLoader();
    }

    /**
     * The application's type system: its {@link TypeSystem} bean, or the one of {@code ioflow.types}.
     *
     * @throws IoflowConfigurationException naming {@code ioflow.types} when there is neither
     */
    public static TypeSystem required(ObjectProvider<TypeSystem> types) {
        TypeSystem typeSystem = types.getIfAvailable();
        if (typeSystem == null) {
            throw new IoflowConfigurationException("ioflow.types", "must name the item classes of the integration"
                    + " objects (or declare a TypeSystem bean)");
        }
        return typeSystem;
    }

    /** A Java type system over the named classes. */
    public static JavaTypeSystem of(List<String> classNames, @Nullable ClassLoader loader) {
        JavaTypeSystem.Builder types = JavaTypeSystem.builder();
        for (int i = 0; i < classNames.size(); i++) {
            String name = classNames.get(i).trim();
            try {
                types.type(ClassUtils.forName(name, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IoflowConfigurationException("ioflow.types[" + i + "]", "class '" + name
                        + "' is not on the class path", e);
            }
        }
        try {
            return types.build();
        } catch (IllegalArgumentException e) {
            throw new IoflowConfigurationException("ioflow.types", e.getMessage(), e);
        }
    }
}
