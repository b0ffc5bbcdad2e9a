/**
 * The persistence SPI behind inbound integration: {@link dev.ioflow.core.persistence.ItemRepository} opens
 * {@link dev.ioflow.core.persistence.UnitOfWork}s that find, create, update, delete and query items of any
 * type system and commit or roll back as a whole; {@link dev.ioflow.core.persistence.IntegrationObjectStore}
 * applies SAP's rules (integration keys, upsert, autoCreate/partOf, cascade delete) on top of any repository.
 * An in-memory repository ships in {@code dev.ioflow.core.persistence.memory}; implement the SPI over JPA,
 * Spring Data or JDBC for a real store (core's test sources hold the contract test every implementation should pass:
 * {@code ItemRepositoryContract}).
 *
 * @since 1.0
 */
@NullMarked
package dev.ioflow.core.persistence;

import org.jspecify.annotations.NullMarked;
