package dev.ioflow.core.internal.render;

import dev.ioflow.core.ItemType;
import java.util.List;

/**
 * An integration-object item bound to its type: every attribute resolved to an accessor.
 *
 * @param code       the item's code in the integration object
 * @param type       its item type
 * @param attributes its attributes in definition order
 */
record BoundItem(String code, ItemType type, List<BoundAttribute> attributes) {
}
