package dev.ioflow.core.persistence.jdbc;

import static dev.ioflow.core.persistence.jdbc.JdbcItemRepository.TableMapping.column;
import static dev.ioflow.core.persistence.jdbc.JdbcItemRepository.TableMapping.joined;
import static dev.ioflow.core.persistence.jdbc.JdbcItemRepository.TableMapping.json;

import dev.ioflow.core.AttributeDescriptor;
import dev.ioflow.core.ItemType;
import dev.ioflow.core.persistence.InvalidQueryException;
import dev.ioflow.core.persistence.InvalidQueryException.Reason;
import dev.ioflow.core.persistence.ItemFilter;
import dev.ioflow.core.persistence.ItemQuery;
import dev.ioflow.core.persistence.UnitOfWork;
import dev.ioflow.core.persistence.jdbc.JdbcItemRepository.TableMapping;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A unit of work of {@link JdbcItemRepository}: one connection in a transaction, and an identity map of its items. */
final class JdbcUnitOfWork implements UnitOfWork {
    private final Connection connection;
    private final Map<String, TableMapping> tables;
    private final Map<Object, Long> ids = new IdentityHashMap<>();
    private final Map<String, Map<Long, Object>> loaded = new HashMap<>();
    private boolean ended;

    JdbcUnitOfWork(Connection connection, Map<String, TableMapping> tables) {
        this.connection = connection;
        this.tables = tables;
    }

    @Override
    public Object find(ItemType type, Map<String, ?> values) {
        TableMapping table = table(type);
        StringBuilder where = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            AttributeDescriptor attribute = attribute(type, entry.getKey());
            Object value = bindable(attribute, entry.getValue());
            if (value == NOT_STORED) {
                return null;
            }
            where.append(where.length() == 0 ? " WHERE " : " AND ").append("t.").append(column(attribute));
            if (value == null) {
                where.append(" IS NULL");
            } else {
                where.append(" = ?");
                parameters.add(value);
            }
        }
        List<Long> found = ids("SELECT t.id FROM " + table.table + " t" + where, parameters);
        if (found.size() > 1) {
            throw new InvalidQueryException(Reason.NOT_UNIQUE, "several items of type '" + type.code() + "' have the values " + values);
        }
        return found.isEmpty() ? null : load(type, found.get(0));
    }

    @Override
    public void insert(ItemType type, Object item) {
        TableMapping table = table(type);
        List<AttributeDescriptor> columns = columns(type);
        StringBuilder sql = new StringBuilder("INSERT INTO " + table.table + " (");
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(column(columns.get(i)));
            marks.append(i == 0 ? "?" : ", ?");
        }
        sql.append(") VALUES (").append(marks).append(')');
        try (PreparedStatement statement = connection.prepareStatement(columns.isEmpty()
                ? "INSERT INTO " + table.table + " DEFAULT VALUES" : sql.toString(), Statement.RETURN_GENERATED_KEYS)) {
            bindColumns(statement, columns, item);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                long id = keys.getLong(1);
                ids.put(item, id);
                loaded.computeIfAbsent(type.code(), c -> new HashMap<>()).put(id, item);
                writeJoins(type, id, item);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public void update(ItemType type, Object previous, Object updated) {
        Long id = ids.get(previous);
        if (id == null) {
            throw new IllegalArgumentException("the item to update was not loaded or stored by this unit of work: " + previous);
        }
        List<AttributeDescriptor> columns = columns(type);
        StringBuilder sql = new StringBuilder("UPDATE " + table(type).table + " SET ");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(column(columns.get(i))).append(" = ?");
        }
        sql.append(" WHERE id = ?");
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            bindColumns(statement, columns, updated);
            statement.setLong(columns.size() + 1, id);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
        ids.put(updated, id);
        loaded.computeIfAbsent(type.code(), c -> new HashMap<>()).put(id, updated);
        deleteJoins(type, id);
        writeJoins(type, id, updated);
    }

    @Override
    public void delete(ItemType type, Object item) {
        Long id = ids.get(item);
        if (id == null) {
            return;
        }
        execute("DELETE FROM " + table(type).table + " WHERE id = ?", List.of(id));
        deleteJoins(type, id);
        loaded.getOrDefault(type.code(), Map.of()).remove(id);
    }

    @Override
    public List<Object> query(ItemType type, ItemQuery query) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT t.id FROM " + table(type).table + " t");
        if (query.filter() != null) {
            sql.append(" WHERE ").append(new SqlFilter(this, type, parameters).condition(query.filter()));
        }
        sql.append(" ORDER BY ");
        for (ItemQuery.Order order : query.orderBy()) {
            if (order.path().isNested()) {
                throw new InvalidQueryException(Reason.ORDER_BY_NESTED, "cannot order by '" + order.path() + "'");
            }
            sql.append("t.").append(column(attribute(type, order.path().first())))
                    .append(order.descending() ? " DESC NULLS LAST, " : " ASC NULLS FIRST, ");
        }
        sql.append("t.id OFFSET ").append(query.skip()).append(" ROWS");
        if (query.top() != null) {
            sql.append(" FETCH NEXT ").append(query.top()).append(" ROWS ONLY");
        }
        List<Object> items = new ArrayList<>();
        for (long id : ids(sql.toString(), parameters)) {
            items.add(load(type, id));
        }
        return items;
    }

    @Override
    public long count(ItemType type, ItemFilter filter) {
        List<Object> parameters = new ArrayList<>();
        String sql = "SELECT COUNT(*) FROM " + table(type).table + " t"
                + (filter == null ? "" : " WHERE " + new SqlFilter(this, type, parameters).condition(filter));
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** The connection of this unit of work's transaction, so that an outbox on the same database joins it. */
    @Override
    public <T> T unwrap(Class<T> type) {
        return type == Connection.class ? type.cast(connection) : null;
    }

    @Override
    public void commit() {
        end(true);
    }

    @Override
    public void rollback() {
        end(false);
    }

    @Override
    public void close() {
        if (!ended) {
            end(false);
        }
    }

    private void end(boolean commit) {
        if (ended) {
            throw new IllegalStateException("this unit of work has ended");
        }
        ended = true;
        try (connection) {
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Marks a reference to an item this unit of work does not know: it matches nothing. */
    static final Object NOT_STORED = new Object();

    /** The value to bind for an attribute: an id for a reference, a JDBC value otherwise. */
    Object bindable(AttributeDescriptor attribute, Object value) {
        if (value == null) {
            return null;
        }
        if (attribute.isReference()) {
            Long id = ids.get(value);
            return id == null ? NOT_STORED : id;
        }
        if (json(attribute) || joined(attribute)) {
            throw new InvalidQueryException(Reason.INVALID_VALUE, "attribute '" + attribute.name() + "' is stored as JSON and cannot be compared");
        }
        return SqlValues.toJdbc(attribute, value);
    }

    TableMapping table(ItemType type) {
        TableMapping table = tables.get(type.code());
        if (table == null) {
            throw new IllegalArgumentException("no table for type '" + type.code() + "'");
        }
        return table;
    }

    TableMapping table(String code) {
        return tables.get(code);
    }

    static AttributeDescriptor attribute(ItemType type, String name) {
        AttributeDescriptor attribute = type.attribute(name);
        if (attribute == null) {
            throw new InvalidQueryException(Reason.UNKNOWN_ATTRIBUTE, "type '" + type.code() + "' has no attribute '" + name + "'");
        }
        return attribute;
    }

    private static List<AttributeDescriptor> columns(ItemType type) {
        return type.attributes().stream().filter(a -> !joined(a)).toList();
    }

    private void bindColumns(PreparedStatement statement, List<AttributeDescriptor> columns, Object item) throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            AttributeDescriptor attribute = columns.get(i);
            Object value = attribute.accessor().read(item);
            Object jdbc;
            if (value == null) {
                jdbc = null;
            } else if (attribute.isReference()) {
                jdbc = ids.get(value);
                if (jdbc == null) {
                    throw new IllegalArgumentException("'" + attribute.name() + "' refers to an item this unit of work has not stored");
                }
            } else {
                jdbc = json(attribute) ? SqlValues.toJson(value) : SqlValues.toJdbc(attribute, value);
            }
            statement.setObject(i + 1, jdbc);
        }
    }

    private void writeJoins(ItemType type, long id, Object item) {
        for (AttributeDescriptor attribute : type.attributes()) {
            Object value = joined(attribute) ? attribute.accessor().read(item) : null;
            if (value == null) {
                continue;
            }
            int position = 0;
            for (Object element : SqlValues.elements(value)) {
                Long ref = ids.get(element);
                if (ref == null) {
                    throw new IllegalArgumentException("'" + attribute.name() + "' refers to an item this unit of work has not stored");
                }
                execute("INSERT INTO " + table(type).joinTable(attribute) + " (owner_id, pos, ref_id) VALUES (?, ?, ?)",
                        List.of(id, position++, ref));
            }
        }
    }

    private void deleteJoins(ItemType type, long id) {
        for (AttributeDescriptor attribute : type.attributes()) {
            if (joined(attribute)) {
                execute("DELETE FROM " + table(type).joinTable(attribute) + " WHERE owner_id = ?", List.of(id));
            }
        }
    }

    /** The item with this id, from the identity map or read (with the items it references) and made by the factory. */
    private Object load(ItemType type, long id) {
        Object cached = loaded.getOrDefault(type.code(), Map.of()).get(id);
        if (cached != null) {
            return cached;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Long> references = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM " + table(type).table + " WHERE id = ?")) {
            statement.setLong(1, id);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no " + type.code() + " with id " + id);
                }
                for (AttributeDescriptor attribute : columns(type)) {
                    String label = column(attribute).replace("\"", "");
                    if (attribute.isReference()) {
                        long ref = row.getLong(label);
                        references.put(attribute.name(), row.wasNull() ? null : ref);
                    } else {
                        values.put(attribute.name(), json(attribute) ? SqlValues.fromJson(attribute, row.getString(label))
                                : SqlValues.fromJdbc(attribute, row, label));
                    }
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        for (Map.Entry<String, Long> reference : references.entrySet()) {
            AttributeDescriptor attribute = type.attribute(reference.getKey());
            values.put(reference.getKey(), reference.getValue() == null ? null
                    : load(table(attribute.referencedType()).type, reference.getValue()));
        }
        for (AttributeDescriptor attribute : type.attributes()) {
            if (joined(attribute)) {
                List<Object> items = new ArrayList<>();
                for (long ref : ids("SELECT ref_id FROM " + table(type).joinTable(attribute) + " WHERE owner_id = ? ORDER BY pos",
                        List.of(id))) {
                    items.add(load(table(attribute.referencedType()).type, ref));
                }
                values.put(attribute.name(), items);
            }
        }
        Map<String, Object> converted = new LinkedHashMap<>();
        values.forEach((name, value) -> converted.put(name, type.factory().convert(name, value)));
        Object item = type.factory().create(converted);
        ids.put(item, id);
        loaded.computeIfAbsent(type.code(), c -> new HashMap<>()).put(id, item);
        return item;
    }

    private List<Long> ids(String sql, List<Object> parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            List<Long> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getLong(1));
                }
            }
            return found;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private void execute(String sql, List<Object> parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }

    private static IllegalStateException failure(SQLException e) {
        return new IllegalStateException("database error: " + e.getMessage(), e);
    }
}
