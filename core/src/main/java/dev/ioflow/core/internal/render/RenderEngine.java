package dev.ioflow.core.internal.render;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.ioflow.core.DefinitionProblem;
import dev.ioflow.core.ClassificationValues;
import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.IntegrationObjectItem;
import dev.ioflow.core.InvalidDefinitionException;
import dev.ioflow.core.ItemRenderException;
import dev.ioflow.core.ItemType;
import dev.ioflow.core.PayloadHash;
import dev.ioflow.core.PayloadStyle;
import dev.ioflow.core.TypeSystem;
import dev.ioflow.core.VirtualAttributeFunction;
import dev.ioflow.core.internal.hash.Murmur3x128;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The compiled renderer behind {@code PayloadRenderer}: the plan graphs of the payload style and of the
 * canonical form, and the JSON plumbing (one {@link JsonFactory}, Jackson's recycled buffers). Immutable and
 * thread-safe; every render failure leaves here as an {@link ItemRenderException} with its full path.
 */
public final class RenderEngine {
    private final String ioCode;
    private final String rootCode;
    private final ItemType rootType;
    private final RootMatch rootMatch;
    private final ObjectPlan styled;
    private final ObjectPlan canonical;
    private final ItemWriter styledWriter;
    private final ItemWriter canonicalWriter;
    private final JsonFactory factory;
    private final ObjectMapper treeMapper;

    /** Which items the root item matches: its type system and {@code itemTypeMatch}. */
    private record RootMatch(TypeSystem types, IntegrationObjectItem root) {
    }

    private RenderEngine(String ioCode, ItemType rootType, RootMatch rootMatch, ObjectPlan styled, ObjectPlan canonical,
                         ValueWriter style) {
        this.ioCode = ioCode;
        this.rootCode = styled.itemCode;
        this.rootType = rootType;
        this.rootMatch = rootMatch;
        this.styled = styled;
        this.canonical = canonical;
        this.styledWriter = new ItemWriter(style, false);
        this.canonicalWriter = new ItemWriter(new PlainValueWriter(true), true);
        this.factory = new JsonFactory();
        this.treeMapper = JsonMapper.builder(factory).disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();
    }

    /**
     * Binds a validated integration object to its type system and compiles its plans.
     *
     * @throws InvalidDefinitionException for what only rendering can detect: a logic location with no function,
     *                                    a reserved payload name
     */
    public static RenderEngine compile(IntegrationObject io, TypeSystem types, Map<String, VirtualAttributeFunction> functions,
                                       ClassificationValues classificationValues, PayloadStyle style, Locale defaultLocale) {
        IntegrationObjectItem root = io.rootItem();
        List<DefinitionProblem> problems = new ArrayList<>();
        Map<String, BoundItem> items = new DefinitionBinder(io, types, functions, classificationValues, problems).bind();
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException(problems);
        }
        Map<String, KeyPlan> keys = new KeyPlanCompiler(items).compile();
        PlanCompiler compiler = new PlanCompiler(items, keys);
        boolean sap = style == PayloadStyle.SAP;
        ValueWriter values = sap ? new SapValueWriter(defaultLocale) : new PlainValueWriter(false);
        return new RenderEngine(io.code(), items.get(root.code()).type(), new RootMatch(types, root),
                compiler.compile(root.code(), false, sap),
                compiler.compile(root.code(), true, false), values);
    }

    /**
     * Whether {@code item} is one the root item matches: when the type system can tell the item's type, by the root
     * item's {@code itemTypeMatch} (its type, subtypes and, by default, supertypes); otherwise when it is an instance
     * of the root item's type.
     */
    public boolean accepts(@Nullable Object item) {
        ItemType actual = rootMatch.types().typeOf(item);
        return actual != null
                ? rootMatch.root().itemTypeMatch().matches(rootMatch.types(), rootMatch.root().type(), actual.code())
                : rootType.isInstance(item);
    }

    /** The root item's integration key. */
    public String integrationKey(Object item) {
        try {
            return styled.key.compute(item);
        } catch (RenderFailure failure) {
            throw failure.within(rootCode).toException(ioCode);
        }
    }

    /** The payload in the renderer's style as UTF-8 bytes. */
    public byte[] json(Object item) {
        return json(item, null);
    }


    /** Streams the payload in the renderer's style to {@code generator}. */
    public void write(Object item, JsonGenerator generator) {
        try {
            writeRoot(styledWriter, styled, generator, item, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the payload of " + ioCode, e);
        }
    }

    /** The payload in the renderer's style as a tree; decimals keep their scale. */
    public ObjectNode tree(Object item) {
        TokenBuffer buffer = new TokenBuffer(treeMapper, false);
        write(item, buffer);
        try (JsonParser parser = buffer.asParser()) {
            return treeMapper.readTree(parser);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the payload tree of " + ioCode, e);
        }
    }

    /** The MurmurHash3 x64 128 hash of the canonical payload, streamed without keeping its bytes. */
    public PayloadHash hash(Object item) {
        return hash(item, null);
    }

    /** The payload in the renderer's style as UTF-8 bytes, for an item whose key is already known. */
    public byte[] json(Object item, @Nullable String key) {
        BufferRecycler recycler = factory._getBufferRecycler();
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(recycler)) {
            try (JsonGenerator generator = factory.createGenerator(bytes, JsonEncoding.UTF8)) {
                writeRoot(styledWriter, styled, generator, item, key);
            }
            byte[] json = bytes.toByteArray();
            bytes.release();
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the payload of " + ioCode, e);
        } finally {
            recycler.releaseToPool();
        }
    }

    /** The canonical hash, for an item whose key is already known. */
    public PayloadHash hash(Object item, @Nullable String key) {
        Murmur3x128 sink = new Murmur3x128();
        try (JsonGenerator generator = factory.createGenerator(sink, JsonEncoding.UTF8)) {
            writeRoot(canonicalWriter, canonical, generator, item, key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash the payload of " + ioCode, e);
        }
        return sink.finish();
    }

    private void writeRoot(ItemWriter writer, ObjectPlan plan, JsonGenerator generator, Object item, String key) throws IOException {
        try {
            writer.writeItem(generator, plan, item, null, key);
        } catch (RenderFailure failure) {
            throw failure.toException(ioCode);
        }
    }
}
