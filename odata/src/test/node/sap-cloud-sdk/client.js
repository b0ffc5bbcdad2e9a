'use strict';
/*
 * Drives ioflow's InboundProduct service through a typed OData V2 client that SAP Cloud SDK for JavaScript generated
 * from ioflow's own $metadata (SapCloudSdkClientTest generates it, then runs this script).
 *
 * Environment: IOFLOW_ORIGIN (http://127.0.0.1:port), IOFLOW_USER, IOFLOW_PASSWORD, IOFLOW_CLIENT and
 * IOFLOW_CLIENT_B2B (the directories of the clients generated for InboundProduct and InboundB2BCustomer). Prints one JSON object: for every step {"ok":true, ...what the client saw} or
 * {"ok":false,"error":…,"status":…,"body":…}. The Java test asserts on it.
 */
const { inboundProduct } = require(process.env.IOFLOW_CLIENT);
const { inboundB2BCustomer } = require(process.env.IOFLOW_CLIENT_B2B);
const { asc, desc, and } = require('@sap-cloud-sdk/odata-v2');

const destination = {
  url: process.env.IOFLOW_ORIGIN,
  username: process.env.IOFLOW_USER,
  password: process.env.IOFLOW_PASSWORD,
  authentication: 'BasicAuthentication'
};
const { productsApi, catalogsApi, catalogVersionsApi, priceRowsApi, categoriesApi, unitsApi, batch, changeset } = inboundProduct();
const b2b = inboundB2BCustomer();
const results = {};

async function step(name, fn) {
  try {
    results[name] = { ok: true, ...(await fn()) };
  } catch (e) {
    const response = findResponse(e);
    results[name] = {
      ok: false,
      error: messages(e),
      status: response ? response.status : null,
      body: response ? JSON.stringify(response.data) : null
    };
  }
}

function findResponse(e) {
  for (let c = e; c; c = c.cause) {
    if (c.response) {
      return c.response;
    }
  }
  return null;
}

function messages(e) {
  const all = [];
  for (let c = e; c; c = c.cause) {
    all.push(String(c.message));
  }
  return all.join(' <- ');
}

const productKey = 'Staged|Default|sdk-1';

/** A reference to the catalog version Staged of catalog Default, by its key attributes. */
function stagedVersion() {
  return catalogVersionsApi.entityBuilder()
    .version('Staged')
    .catalog(catalogsApi.entityBuilder().id('Default').build())
    .build();
}

async function main() {
  await step('createCatalog', async () => {
    const catalog = await catalogsApi.requestBuilder()
      .create(catalogsApi.entityBuilder().id('Default').build())
      .execute(destination);
    return { id: catalog.id, integrationKey: catalog.integrationKey };
  });

  await step('createCatalogVersionReferencingCatalog', async () => {
    const version = await catalogVersionsApi.requestBuilder()
      .create(catalogVersionsApi.entityBuilder()
        .version('Staged')
        .active(true)
        .catalog(catalogsApi.entityBuilder().id('Default').build())
        .build())
      .execute(destination);
    return { version: version.version, active: version.active, integrationKey: version.integrationKey };
  });

  await step('createUnitWithLocalizedName', async () => {
    const unit = await unitsApi.requestBuilder()
      .create(unitsApi.entityBuilder().code('pieces').unitType('count').name('Pieces').build())
      .execute(destination);
    return { code: unit.code, name: unit.name, integrationKey: unit.integrationKey };
  });

  await step('deepCreateProduct', async () => {
    const product = await productsApi.requestBuilder()
      .create(productsApi.entityBuilder()
        .code('sdk-1')
        .sapEan('4006381333931')
        .sapBlocked(false)
        .sapBaseUnitConversion(2.5)
        .sapBlockedDate(require('moment')('2026-03-01T10:00:00Z'))
        .catalogVersion(stagedVersion())
        .pricerow([priceRowsApi.entityBuilder().price(9.99).unit(unitsApi.entityBuilder().code('pieces').build()).build()])
        .build())
      .execute(destination);
    return {
      code: product.code,
      integrationKey: product.integrationKey,
      sapEan: product.sapEan,
      sapBaseUnitConversion: product.sapBaseUnitConversion,
      sapBlockedDate: product.sapBlockedDate ? product.sapBlockedDate.toISOString() : null
    };
  });

  for (let i = 2; i <= 4; i++) {
    await step('createProduct' + i, async () => {
      const product = await productsApi.requestBuilder()
        .create(productsApi.entityBuilder()
          .code('sdk-' + i)
          .sapEan(i % 2 === 0 ? 'even' : 'odd')
          .catalogVersion(stagedVersion())
          .build())
        .execute(destination);
      return { integrationKey: product.integrationKey };
    });
  }

  await step('getByKeyWithExpand', async () => {
    const { PRICEROW, CATALOG_VERSION } = productsApi.schema;
    const product = await productsApi.requestBuilder()
      .getByKey(productKey)
      .select(productsApi.schema.ALL_FIELDS,
        PRICEROW.select(priceRowsApi.schema.ALL_FIELDS, priceRowsApi.schema.UNIT.select(unitsApi.schema.CODE)),
        CATALOG_VERSION.select(catalogVersionsApi.schema.ALL_FIELDS))
      .execute(destination);
    return {
      code: product.code,
      integrationKey: product.integrationKey,
      sapBlocked: product.sapBlocked,
      prices: product.pricerow.map(p => p.price),
      priceUnits: product.pricerow.map(p => (p.unit ? p.unit.code : null)),
      catalogVersion: product.catalogVersion ? product.catalogVersion.version : null
    };
  });

  await step('filterTopOrderBy', async () => {
    const { SAP_EAN, CODE, CATALOG_VERSION } = productsApi.schema;
    const products = await productsApi.requestBuilder()
      .getAll()
      .filter(and(SAP_EAN.equals('even'), CATALOG_VERSION.filter(catalogVersionsApi.schema.VERSION.equals('Staged'))))
      .orderBy(desc(CODE))
      .top(5)
      .execute(destination);
    return { codes: products.map(p => p.code) };
  });

  await step('topSkipOrderBy', async () => {
    const products = await productsApi.requestBuilder()
      .getAll()
      .orderBy(asc(productsApi.schema.CODE))
      .skip(1)
      .top(2)
      .execute(destination);
    return { codes: products.map(p => p.code) };
  });

  await step('count', async () => {
    const count = await productsApi.requestBuilder().getAll().count().execute(destination);
    return { count };
  });

  await step('update', async () => {
    const product = await productsApi.requestBuilder().getByKey(productKey).execute(destination);
    product.sapEan = 'changed';
    product.sapBlocked = true;
    await productsApi.requestBuilder().update(product).execute(destination);
    const read = await productsApi.requestBuilder().getByKey(productKey).execute(destination);
    return { sapEan: read.sapEan, sapBlocked: read.sapBlocked, code: read.code };
  });

  await step('batch', async () => {
    const responses = await batch(
      changeset(
        categoriesApi.requestBuilder().create(categoriesApi.entityBuilder()
          .code('batch-cat')
          .catalogVersion(stagedVersion())
          .build()),
        productsApi.requestBuilder().create(productsApi.entityBuilder()
          .code('sdk-batch')
          .catalogVersion(stagedVersion())
          .build())),
      productsApi.requestBuilder().getByKey('Staged|Default|sdk-batch')
    ).execute(destination);
    return {
      parts: responses.map(r => {
        if (r.isWriteResponses()) {
          return { kind: 'changeset', statuses: r.responses.map(w => w.httpCode) };
        }
        if (r.isReadResponse()) {
          return { kind: 'read', status: r.httpCode, codes: r.as(productsApi).map(p => p.code) };
        }
        return { kind: 'error', status: r.httpCode, body: JSON.stringify(r.body) };
      })
    };
  });

  await step('delete', async () => {
    await productsApi.requestBuilder().delete(productKey).execute(destination);
    try {
      await productsApi.requestBuilder().getByKey(productKey).execute(destination);
      return { goneAfterDelete: false };
    } catch (e) {
      const response = findResponse(e);
      return { goneAfterDelete: response !== null && response.status === 404 };
    }
  });

  await step('enumAsCodeEntity', async () => {
    const { b2BCustomersApi, addressesApi, gendersApi } = b2b;
    const customer = await b2BCustomersApi.requestBuilder()
      .create(b2BCustomersApi.entityBuilder()
        .customerId('c1')
        .uid('u1')
        .email('u1@example.com')
        .addresses([
          addressesApi.entityBuilder().publicKey('a1').firstname('Ann').gender(gendersApi.entityBuilder().code('FEMALE').build()).build(),
          addressesApi.entityBuilder().publicKey('a2').firstname('Bob').gender(gendersApi.entityBuilder().code('MALE').build()).build()
        ])
        .build())
      .execute(destination);
    const address = await addressesApi.requestBuilder()
      .getByKey('a1')
      .select(addressesApi.schema.ALL_FIELDS, addressesApi.schema.GENDER.select(gendersApi.schema.CODE))
      .execute(destination);
    const males = await addressesApi.requestBuilder()
      .getAll()
      .filter(addressesApi.schema.GENDER.filter(gendersApi.schema.CODE.equals('MALE')))
      .execute(destination);
    return {
      integrationKey: customer.integrationKey,
      gender: address.gender ? address.gender.code : null,
      males: males.map(a => a.publicKey)
    };
  });

  process.stdout.write(JSON.stringify(results) + '\n');
}

main().catch(e => {
  process.stdout.write(JSON.stringify({ fatal: messages(e) }) + '\n');
  process.exitCode = 1;
});
