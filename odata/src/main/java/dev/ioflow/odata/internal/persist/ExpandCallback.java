package dev.ioflow.odata.internal.persist;

import dev.ioflow.odata.internal.edm.EntityModel;
import dev.ioflow.odata.internal.edm.IoModel;
import dev.ioflow.odata.internal.edm.NavModel;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.olingo.odata2.api.ODataCallback;
import org.apache.olingo.odata2.api.edm.EdmException;
import org.apache.olingo.odata2.api.edm.EdmNavigationProperty;
import org.apache.olingo.odata2.api.ep.EntityProviderWriteProperties;
import org.apache.olingo.odata2.api.ep.callback.OnWriteEntryContent;
import org.apache.olingo.odata2.api.ep.callback.OnWriteFeedContent;
import org.apache.olingo.odata2.api.ep.callback.WriteCallbackContext;
import org.apache.olingo.odata2.api.ep.callback.WriteEntryCallbackContext;
import org.apache.olingo.odata2.api.ep.callback.WriteEntryCallbackResult;
import org.apache.olingo.odata2.api.ep.callback.WriteFeedCallbackContext;
import org.apache.olingo.odata2.api.ep.callback.WriteFeedCallbackResult;
import org.apache.olingo.odata2.api.exception.ODataApplicationException;
import org.apache.olingo.odata2.api.uri.ExpandSelectTreeNode;

/**
 * Supplies Olingo with the data of expanded navigation properties ({@code $expand}), level by level: Olingo asks
 * for each expanded link while it writes the parent, and this navigates from the parent's item.
 */
final class ExpandCallback implements OnWriteEntryContent, OnWriteFeedContent {
    private final IoModel model;
    private final EntityData data;
    private final URI serviceRoot;

    private ExpandCallback(IoModel model, EntityData data, URI serviceRoot) {
        this.model = model;
        this.data = data;
        this.serviceRoot = serviceRoot;
    }

    /** Callbacks for every navigation property of the model (Olingo looks them up by name). */
    static Map<String, ODataCallback> callbacks(IoModel model, EntityData data, URI serviceRoot, ExpandSelectTreeNode tree) {
        ExpandCallback callback = new ExpandCallback(model, data, serviceRoot);
        Map<String, ODataCallback> callbacks = new HashMap<>();
        for (EntityModel e : model.entities()) {
            e.navs().forEach(n -> callbacks.put(n.name(), callback));
        }
        return callbacks;
    }

    @Override
    public WriteEntryCallbackResult retrieveEntryResult(WriteEntryCallbackContext context) throws ODataApplicationException {
        List<Map<String, Object>> rows = rows(context);
        WriteEntryCallbackResult result = new WriteEntryCallbackResult();
        result.setEntryData(rows.isEmpty() ? null : rows.get(0));
        result.setInlineProperties(inline(context));
        return result;
    }

    @Override
    public WriteFeedCallbackResult retrieveFeedResult(WriteFeedCallbackContext context) throws ODataApplicationException {
        WriteFeedCallbackResult result = new WriteFeedCallbackResult();
        result.setFeedData(rows(context));
        result.setInlineProperties(inline(context));
        return result;
    }

    private List<Map<String, Object>> rows(WriteCallbackContext context) throws ODataApplicationException {
        try {
            EntityModel source = model.entitySet(context.getSourceEntitySet().getName());
            EdmNavigationProperty property = context.getNavigationProperty();
            NavModel nav = source == null ? null : source.nav(property.getName());
            Object item = context.getEntryData().get(EntityData.ITEM);
            List<Map<String, Object>> rows = new ArrayList<>();
            if (nav == null || item == null) {
                return rows;
            }
            EntityModel target = model.entity(nav.target());
            for (Object o : data.navigate(source, nav, item)) {
                rows.add(data.of(target, o));
            }
            return rows;
        } catch (EdmException e) {
            throw new ODataApplicationException("The expanded navigation cannot be resolved.", java.util.Locale.ENGLISH, e);
        }
    }

    private EntityProviderWriteProperties inline(WriteCallbackContext context) {
        Map<String, ODataCallback> callbacks = new HashMap<>();
        for (EntityModel e : model.entities()) {
            e.navs().forEach(n -> callbacks.put(n.name(), this));
        }
        return EntityProviderWriteProperties.serviceRoot(serviceRoot)
                .expandSelectTree(context.getCurrentExpandSelectTreeNode()).callbacks(callbacks).build();
    }
}
