package dev.ioflow.core.internal.types;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Type;

/**
 * A readable attribute of a Java class: a record component's accessor, a JavaBeans getter or a public field.
 *
 * @param name   the attribute's name ({@code contactEmail} for {@code getContactEmail()})
 * @param type   the declared (generic) type of its value
 * @param member the accessor method or the field to read
 */
public record JavaProperty(String name, Type type, AccessibleObject member) {
}
