package dev.ioflow.odata.internal.persist;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ioflow.core.ItemDraft;
import dev.ioflow.core.PayloadException;
import dev.ioflow.core.PayloadReader;
import dev.ioflow.core.persistence.IntegrationObjectStore;
import dev.ioflow.core.persistence.InvalidQueryException;
import dev.ioflow.core.persistence.ItemFilter;
import dev.ioflow.core.persistence.ItemQuery;
import dev.ioflow.core.persistence.UnitOfWork;
import dev.ioflow.odata.AccessRight;
import dev.ioflow.odata.PersistenceContext;
import dev.ioflow.odata.PostPersistHook;
import dev.ioflow.odata.PrePersistHook;
import dev.ioflow.odata.internal.edm.EntityModel;
import dev.ioflow.odata.internal.edm.IoModel;
import dev.ioflow.odata.internal.olingo.Exchange;
import dev.ioflow.odata.internal.olingo.IoProcessor;
import dev.ioflow.odata.internal.olingo.OlingoBridge;
import dev.ioflow.odata.internal.olingo.SapError;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.olingo.odata2.api.batch.BatchHandler;
import org.apache.olingo.odata2.api.batch.BatchRequestPart;
import org.apache.olingo.odata2.api.batch.BatchResponsePart;
import org.apache.olingo.odata2.api.commons.HttpStatusCodes;
import org.apache.olingo.odata2.api.commons.InlineCount;
import org.apache.olingo.odata2.api.edm.EdmEntitySet;
import org.apache.olingo.odata2.api.edm.EdmException;
import org.apache.olingo.odata2.api.ep.EntityProvider;
import org.apache.olingo.odata2.api.ep.EntityProviderBatchProperties;
import org.apache.olingo.odata2.api.ep.EntityProviderWriteProperties;
import org.apache.olingo.odata2.api.exception.ODataException;
import org.apache.olingo.odata2.api.processor.ODataRequest;
import org.apache.olingo.odata2.api.processor.ODataResponse;
import org.apache.olingo.odata2.api.uri.ExpandSelectTreeNode;
import org.apache.olingo.odata2.api.uri.KeyPredicate;
import org.apache.olingo.odata2.api.uri.NavigationPropertySegment;
import org.apache.olingo.odata2.api.uri.NavigationSegment;
import org.apache.olingo.odata2.api.uri.UriParser;
import org.apache.olingo.odata2.api.uri.info.DeleteUriInfo;
import org.apache.olingo.odata2.api.uri.info.GetEntitySetCountUriInfo;
import org.apache.olingo.odata2.api.uri.info.GetEntitySetUriInfo;
import org.apache.olingo.odata2.api.uri.info.GetEntityUriInfo;
import org.apache.olingo.odata2.api.uri.info.PostUriInfo;
import org.apache.olingo.odata2.api.uri.info.PutMergePatchUriInfo;
import org.jspecify.annotations.Nullable;

/**
 * The data operations of an integration object's service, over core's {@link IntegrationObjectStore}: GET (by key,
 * collections with SAP's query options, navigation), POST (deep upsert), PATCH, DELETE and {@code $batch}. One unit
 * of work per request, or per change set in a batch; any failure rolls it back.
 */
public final class DataProcessor extends IoProcessor {
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private final Backend backend;
    private final IntegrationObjectStore store;
    private final IoModel model;
    private final EntryWriter entries = new EntryWriter();
    /** The change set's unit of work while a batch change set runs, else null. */
    private @Nullable UnitOfWork changeSet;
    private final List<Runnable> pendingChanges = new ArrayList<>();

    public DataProcessor(Exchange exchange, Backend backend) {
        super(exchange);
        this.backend = backend;
        this.store = exchange.service().store();
        this.model = exchange.service().model();
    }

    // ---------------------------------------------------------------- reads

    @Override
    public ODataResponse readEntity(GetEntityUriInfo uri, String contentType) throws ODataException {
        requireRight(AccessRight.READ);
        checkExpand(uri.getExpand());
        return read(work -> {
            Located target = locate(work, uri.getStartEntitySet(), uri.getKeyPredicates(), uri.getNavigationSegments());
            if (target.items.isEmpty()) {
                throw new SapError(404, "not_found", "No " + target.entity.name() + " exists at this address.");
            }
            EntityData data = entityData();
            return entries.write(contentType, uri.getTargetEntitySet(), data.of(target.entity, target.items.get(0)),
                    writeProperties(uri.getSelect(), uri.getExpand(), data).build());
        });
    }

    @Override
    public ODataResponse readEntitySet(GetEntitySetUriInfo uri, String contentType) throws ODataException {
        requireRight(AccessRight.READ);
        checkExpand(uri.getExpand());
        int max = exchange.limits().maxPageSize();
        int offset = uri.getSkipToken() != null ? parseToken(uri.getSkipToken()) : (uri.getSkip() == null ? 0 : uri.getSkip());
        Integer top = uri.getTop();
        int page = Math.min(top == null ? exchange.limits().defaultPageSize() : top, max);
        return read(work -> {
            EntityModel entity = entity(uri.getTargetEntitySet());
            List<Object> items;
            long count = -1;
            boolean more;
            if (uri.getNavigationSegments().isEmpty()) {
                ItemFilter filter = QueryTranslator.filter(uri.getFilter(), entity);
                if (!entity.isItem()) {
                    items = List.of();
                    more = false;
                    count = 0;
                } else {
                    ItemQuery.Builder query = ItemQuery.builder().filter(filter).skip(offset).top(page + 1);
                    QueryTranslator.orders(uri.getOrderBy(), entity).forEach(query::orderBy);
                    items = new ArrayList<>(query(() -> store.query(work, entity.name(), query.build())));
                    more = items.size() > page;
                    if (uri.getInlineCount() == InlineCount.ALLPAGES) {
                        count = query(() -> store.count(work, entity.name(), filter));
                    }
                }
            } else {
                if (uri.getFilter() != null || uri.getOrderBy() != null) {
                    throw SapError.badRequest("invalid_query_parameter", "$filter and $orderby apply to entity sets, not to navigation.");
                }
                Located located = locate(work, uri.getStartEntitySet(), uri.getKeyPredicates(), uri.getNavigationSegments());
                count = located.items.size();
                items = new ArrayList<>(located.items.subList(Math.min(offset, located.items.size()),
                        Math.min(located.items.size(), offset + page + 1)));
                more = items.size() > page;
            }
            if (more) {
                items = items.subList(0, page);
            }
            EntityData data = entityData();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Object item : items) {
                rows.add(data.of(entity, item));
            }
            EntityProviderWriteProperties.ODataEntityProviderPropertiesBuilder props = writeProperties(uri.getSelect(), uri.getExpand(), data);
            if (count >= 0 && uri.getInlineCount() == InlineCount.ALLPAGES) {
                props.inlineCountType(InlineCount.ALLPAGES).inlineCount((int) Math.min(Integer.MAX_VALUE, count));
            }
            if (more && (top == null || top > page)) {
                props.nextLink(nextLink(top == null ? null : top - page, offset + page));
            }
            return EntityProvider.writeFeed(contentType, uri.getTargetEntitySet(), rows, props.build());
        });
    }

    @Override
    public ODataResponse countEntitySet(GetEntitySetCountUriInfo uri, String contentType) throws ODataException {
        requireRight(AccessRight.READ);
        return read(work -> {
            long count;
            if (uri.getNavigationSegments().isEmpty()) {
                EntityModel entity = entity(uri.getTargetEntitySet());
                ItemFilter filter = QueryTranslator.filter(uri.getFilter(), entity);
                count = entity.isItem() ? query(() -> store.count(work, entity.name(), filter)) : 0;
            } else {
                count = locate(work, uri.getStartEntitySet(), uri.getKeyPredicates(), uri.getNavigationSegments()).items.size();
            }
            return EntityProvider.writeText(Long.toString(count));
        });
    }

    // ---------------------------------------------------------------- writes

    @Override
    public ODataResponse createEntity(PostUriInfo uri, InputStream content, String requestContentType, String contentType)
            throws ODataException {
        requireRight(AccessRight.WRITE);
        if (!uri.getNavigationSegments().isEmpty()) {
            throw new SapError(405, "method_not_allowed", "POST creates entities in an entity set, not through navigation.");
        }
        EntityModel entity = itemEntity(uri.getTargetEntitySet());
        byte[] body = bytes(content);
        Locale language = contentLanguage();
        ItemDraft draft = readDraft(entity, uri.getTargetEntitySet(), requestContentType, body, language, false);
        Object stored = write(work -> persist(work, entity, draft, language, null));
        if (stored == null) {
            return ODataResponse.status(HttpStatusCodes.NO_CONTENT).build();
        }
        EntityData data = entityData();
        ODataResponse written = entries.write(contentType, uri.getTargetEntitySet(), data.of(entity, stored),
                EntityProviderWriteProperties.serviceRoot(serviceRoot()).build());
        return ODataResponse.fromResponse(written).status(HttpStatusCodes.CREATED).build();
    }

    @Override
    public ODataResponse updateEntity(PutMergePatchUriInfo uri, InputStream content, String requestContentType, boolean merge,
                                      String contentType) throws ODataException {
        if (!merge) {
            // PUT (full replacement) inside a $batch: unsupported, as at the top level and in SAP Commerce
            throw new SapError(405, "method_not_allowed", "PUT is not supported; use PATCH (or MERGE) for partial updates.");
        }
        requireRight(AccessRight.WRITE);
        if (!uri.getNavigationSegments().isEmpty()) {
            throw new SapError(405, "method_not_allowed", "PATCH needs the key of one entity.");
        }
        EntityModel entity = itemEntity(uri.getTargetEntitySet());
        String key = key(uri.getKeyPredicates());
        byte[] body = bytes(content);
        Locale language = contentLanguage();
        ItemDraft draft = readDraft(entity, uri.getTargetEntitySet(), requestContentType, body, language, true);
        Object stored = write(work -> persist(work, entity, draft, language, key));
        if (stored == null) {
            return ODataResponse.status(HttpStatusCodes.NO_CONTENT).build();
        }
        ODataResponse written = entries.write(contentType, uri.getTargetEntitySet(), entityData().of(entity, stored),
                EntityProviderWriteProperties.serviceRoot(serviceRoot()).build());
        return ODataResponse.fromResponse(written).status(HttpStatusCodes.OK).build();
    }

    @Override
    public ODataResponse deleteEntity(DeleteUriInfo uri, String contentType) throws ODataException {
        requireRight(AccessRight.DELETE);
        if (!uri.getNavigationSegments().isEmpty()) {
            throw new SapError(405, "method_not_allowed", "DELETE needs the key of one entity.");
        }
        EntityModel entity = itemEntity(uri.getTargetEntitySet());
        String key = key(uri.getKeyPredicates());
        write(work -> {
            Object item = payload(404, () -> store.find(work, entity.name(), key));
            if (item == null || !payload(404, () -> store.delete(work, entity.name(), key))) {
                throw new SapError(404, "not_found", "No " + entity.name() + " has the key [" + key + "].", key);
            }
            exchange.touched(key);
            pendingChanges.add(() -> backend.changes().deleted(work, item));
            return item;
        });
        return ODataResponse.status(HttpStatusCodes.OK).build();
    }

    private @Nullable Object persist(UnitOfWork work, EntityModel entity, ItemDraft read, Locale language, @Nullable String key)
            throws SapError {
        PersistenceContext context = new PersistenceContext(model.integrationObject().code(), entity.name(), language,
                exchange.principal());
        PrePersistHook pre = hook(backend.preHooks(), "Pre-Persist-Hook");
        PostPersistHook post = hook(backend.postHooks(), "Post-Persist-Hook");
        ItemDraft draft = read;
        if (pre != null) {
            try {
                draft = pre.beforePersist(read, context);
            } catch (RuntimeException e) {
                throw new SapError(400, "pre_persist_error", "The pre-persist hook [" + header("Pre-Persist-Hook")
                        + "] failed: " + safeMessage(e), null);
            }
            if (draft == null) {
                return null;
            }
        }
        ItemDraft toSave = draft;
        Object stored = key == null ? payload(400, () -> store.upsert(work, toSave))
                : payload(400, () -> store.patch(work, key, toSave));
        if (stored == null) {
            throw new SapError(404, "not_found", "No " + entity.name() + " has the key [" + key + "].", key);
        }
        String storedKey = store.integrationKey(entity.name(), stored);
        exchange.touched(storedKey);
        if (post != null) {
            try {
                post.afterPersist(stored, context);
            } catch (RuntimeException e) {
                throw new SapError(400, "post_persist_error", "The post-persist hook [" + header("Post-Persist-Hook")
                        + "] failed for [" + storedKey + "]: " + safeMessage(e), storedKey);
            }
        }
        pendingChanges.add(() -> backend.changes().saved(work, stored));
        return stored;
    }

    private <H> @Nullable H hook(Map<String, H> hooks, String header) throws SapError {
        String name = header(header);
        if (name == null || name.isBlank()) {
            return null;
        }
        String bare = name.startsWith("bean://") ? name.substring("bean://".length()) : name;
        H hook = hooks.get(bare);
        if (hook == null) {
            throw SapError.badRequest("hook_not_found", "No persistence hook is registered under the name [" + name + "].");
        }
        return hook;
    }

    private static String safeMessage(RuntimeException e) {
        return e.getMessage() == null ? "(no message)" : e.getMessage();
    }

    private ItemDraft readDraft(EntityModel entity, EdmEntitySet set, String contentType, byte[] body, Locale language, boolean partial)
            throws SapError {
        PayloadReader reader = store.reader().withLocale(language);
        try {
            if (BodyReader.isJson(contentType)) {
                JsonNode tree = BodyReader.json(body);
                return partial ? reader.readPartial(entity.name(), JsonTrees.toMap(tree)) : reader.read(entity.name(), tree);
            }
            Map<String, Object> map = BodyReader.atom(contentType, set, body);
            return partial ? reader.readPartial(entity.name(), map) : reader.read(entity.name(), map);
        } catch (PayloadException e) {
            throw Problems.of(e, 400);
        }
    }

    // ---------------------------------------------------------------- $batch

    @Override
    public ODataResponse executeBatch(BatchHandler handler, String contentType, InputStream content) throws ODataException {
        List<BatchRequestPart> parts = EntityProvider.parseBatchRequest(contentType, content,
                EntityProviderBatchProperties.init().pathInfo(getContext().getPathInfo()).build());
        int operations = parts.stream().mapToInt(p -> p.getRequests().size()).sum();
        if (operations > exchange.limits().batchLimit()) {
            throw SapError.badRequest("batch_limit_exceeded", "The batch has " + operations
                    + " operations; at most " + exchange.limits().batchLimit() + " are allowed.");
        }
        List<BatchResponsePart> responses = new ArrayList<>();
        for (BatchRequestPart part : parts) {
            responses.add(handler.handleBatchPart(part));
        }
        return EntityProvider.writeBatchResponse(responses);
    }

    @Override
    public BatchResponsePart executeChangeSet(BatchHandler handler, List<ODataRequest> requests) throws ODataException {
        List<ODataResponse> responses = new ArrayList<>();
        try (UnitOfWork work = backend.repository().begin()) {
            changeSet = work;
            pendingChanges.clear();
            for (ODataRequest request : requests) {
                ODataResponse response = handler.handleRequest(request);
                if (response.getStatus().getStatusCode() >= 400) {
                    work.rollback();
                    pendingChanges.clear();
                    return BatchResponsePart.responses(List.of(response)).changeSet(false).build();
                }
                responses.add(response);
            }
            commit(work);
        } finally {
            changeSet = null;
            pendingChanges.clear();
        }
        return BatchResponsePart.responses(responses).changeSet(true).build();
    }

    // ---------------------------------------------------------------- units of work

    @FunctionalInterface
    private interface Work<T> {
        T run(UnitOfWork work) throws ODataException;
    }

    @FunctionalInterface
    private interface Attempt<T> {
        T get();
    }

    private <T> T read(Work<T> body) throws ODataException {
        if (changeSet != null) {
            return body.run(changeSet);
        }
        try (UnitOfWork work = backend.repository().begin()) {
            return body.run(work);
        }
    }

    private <T> T write(Work<T> body) throws ODataException {
        if (changeSet != null) {
            return body.run(changeSet);
        }
        try (UnitOfWork work = backend.repository().begin()) {
            pendingChanges.clear();
            T result = body.run(work);
            commit(work);
            return result;
        } finally {
            pendingChanges.clear();
        }
    }

    /** Hands the pending changes to the sink, commits, and tells the sink of the commit when it was given any. */
    private void commit(UnitOfWork work) throws SapError {
        boolean changed = !pendingChanges.isEmpty();
        flushChanges();
        work.commit();
        if (changed) {
            backend.changes().committed();
        }
    }

    /**
     * Hands the request's saved/deleted items to the change sink inside its unit of work, before the commit: a sink
     * on the same database writes into the same transaction, and a failure there rolls the items back.
     */
    private void flushChanges() throws SapError {
        try {
            pendingChanges.forEach(Runnable::run);
        } catch (RuntimeException e) {
            throw new SapError(500, "internal_error", "The change could not be recorded for outbound delivery; nothing was saved.");
        }
    }

    private static <T> T payload(int invalidKeyStatus, Attempt<T> attempt) throws SapError {
        try {
            return attempt.get();
        } catch (PayloadException e) {
            throw Problems.of(e, invalidKeyStatus);
        }
    }

    private static <T> T query(Attempt<T> attempt) throws SapError {
        try {
            return attempt.get();
        } catch (InvalidQueryException e) {
            throw Problems.of(e);
        } catch (PayloadException e) {
            throw Problems.of(e, 400);
        }
    }

    // ---------------------------------------------------------------- navigation

    private record Located(EntityModel entity, List<Object> items) {
    }

    private Located locate(UnitOfWork work, EdmEntitySet start, List<KeyPredicate> keys, List<NavigationSegment> navigation)
            throws ODataException {
        EntityModel root = entity(start);
        if (!root.isItem()) {
            throw new SapError(404, "not_found", "Entities of " + root.name() + " are only reachable through navigation.");
        }
        String key = key(keys);
        Object item = payload(400, () -> store.find(work, root.name(), key));
        if (item == null) {
            throw new SapError(404, "not_found", "No " + root.name() + " has the key [" + key + "].", key);
        }
        EntityModel entity = root;
        List<Object> current = List.of(item);
        EntityData data = entityData();
        for (NavigationSegment segment : navigation) {
            if (current.size() != 1) {
                throw new SapError(404, "not_found", "Navigation needs one entity to start from.");
            }
            var nav = entity.nav(segment.getNavigationProperty().getName());
            EntityModel target = entity(segment.getEntitySet());
            List<Object> next = nav == null ? List.of() : data.navigate(entity, nav, current.get(0));
            if (!segment.getKeyPredicates().isEmpty()) {
                String wanted = key(segment.getKeyPredicates());
                next = next.stream().filter(o -> wanted.equals(String.valueOf(data.of(target, o).get(target.keyName())))).toList();
            }
            entity = target;
            current = next;
        }
        return new Located(entity, current);
    }

    // ---------------------------------------------------------------- helpers

    private EntityProviderWriteProperties.ODataEntityProviderPropertiesBuilder writeProperties(
            @Nullable List<org.apache.olingo.odata2.api.uri.SelectItem> select,
            @Nullable List<ArrayList<NavigationPropertySegment>> expand, EntityData data) throws ODataException {
        EntityProviderWriteProperties.ODataEntityProviderPropertiesBuilder props =
                EntityProviderWriteProperties.serviceRoot(serviceRoot());
        // $select alone narrows the properties too (SAP Cloud Integration's query editor always writes one)
        List<org.apache.olingo.odata2.api.uri.SelectItem> selected = select == null ? List.of() : select;
        if (!selected.isEmpty() || expand != null && !expand.isEmpty()) {
            ExpandSelectTreeNode tree = UriParser.createExpandSelectTree(selected, expand == null ? List.of() : expand);
            props.expandSelectTree(tree).callbacks(ExpandCallback.callbacks(model, data, serviceRoot(), tree));
        }
        return props;
    }

    private void checkExpand(@Nullable List<ArrayList<NavigationPropertySegment>> expand) throws SapError {
        if (expand == null) {
            return;
        }
        for (List<NavigationPropertySegment> path : expand) {
            if (path.size() > exchange.limits().maxExpandDepth()) {
                throw SapError.badRequest("invalid_query_parameter", "$expand goes " + path.size()
                        + " levels deep; at most " + exchange.limits().maxExpandDepth() + " are allowed.");
            }
        }
    }

    private EntityData entityData() throws SapError {
        return new EntityData(model, store, acceptLanguage());
    }

    private EntityModel entity(EdmEntitySet set) throws SapError {
        try {
            EntityModel e = model.entitySet(set.getName());
            if (e == null) {
                throw new SapError(404, "not_found", "There is no entity set [" + set.getName() + "].");
            }
            return e;
        } catch (EdmException e) {
            throw new SapError(404, "not_found", "The entity set cannot be resolved.");
        }
    }

    private EntityModel itemEntity(EdmEntitySet set) throws SapError {
        EntityModel e = entity(set);
        if (!e.isItem()) {
            throw new SapError(405, "method_not_allowed", "Entities of " + e.name() + " are written through their item.");
        }
        return e;
    }

    private static String key(List<KeyPredicate> keys) throws SapError {
        if (keys.size() != 1) {
            throw new SapError(405, "method_not_allowed", "This request needs the integration key of one entity.");
        }
        return keys.get(0).getLiteral();
    }

    private static int parseToken(String token) throws SapError {
        try {
            int offset = Integer.parseInt(token);
            if (offset < 0) {
                throw new NumberFormatException();
            }
            return offset;
        } catch (NumberFormatException e) {
            throw SapError.badRequest("invalid_query_parameter", "$skiptoken must be a non-negative offset, was " + token);
        }
    }

    private String nextLink(@Nullable Integer remainingTop, int nextOffset) throws ODataException {
        URI request = getContext().getPathInfo().getRequestUri();
        String raw = request.getRawQuery();
        StringBuilder query = new StringBuilder();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                String decoded = java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8);
                if (!Arrays.asList("$top", "$skip", "$skiptoken").contains(decoded) && !pair.isEmpty()) {
                    query.append(query.length() == 0 ? "" : "&").append(pair);
                }
            }
        }
        if (remainingTop != null) {
            query.append(query.length() == 0 ? "" : "&").append("$top=").append(remainingTop);
        }
        query.append(query.length() == 0 ? "" : "&").append("$skiptoken=").append(nextOffset);
        String path = request.getRawPath();
        return request.getScheme() + "://" + request.getRawAuthority() + path + "?" + query;
    }

    private URI serviceRoot() throws ODataException {
        return getContext().getPathInfo().getServiceRoot();
    }

    private @Nullable String header(String name) {
        try {
            return getContext().getRequestHeader(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void requireRight(AccessRight right) throws SapError {
        if (!exchange.security().allows(exchange.principal(), model.integrationObject().code(), right)) {
            throw new SapError(403, "forbidden", "The user [" + exchange.principal().name() + "] lacks the "
                    + right.name().toLowerCase(Locale.ROOT) + " privilege on the integration object ["
                    + model.integrationObject().code() + "].");
        }
    }

    private Locale contentLanguage() throws SapError {
        return language(header("Content-Language"));
    }

    private Locale acceptLanguage() throws SapError {
        String header = header("Accept-Language");
        List<Locale> accepted = OlingoBridge.languages(header);
        return accepted.isEmpty() ? backend.defaultLanguage() : language(accepted.get(0).toLanguageTag());
    }

    private Locale language(@Nullable String tag) throws SapError {
        if (tag == null || tag.isBlank()) {
            return backend.defaultLanguage();
        }
        Locale locale = Locale.forLanguageTag(tag.trim());
        if (locale.getLanguage().isEmpty() || !LANGUAGES.contains(locale.getLanguage())) {
            throw SapError.badRequest("invalid_language", "The language provided [" + tag.trim() + "] is not available.");
        }
        return locale;
    }

    private static byte[] bytes(InputStream content) throws SapError {
        try (content) {
            return content.readAllBytes();
        } catch (IOException e) {
            throw SapError.badRequest("odata_error", "The request body cannot be read.");
        }
    }

    static <T, R> Function<T, R> unchecked(Function<T, R> f) {
        return f;
    }
}
