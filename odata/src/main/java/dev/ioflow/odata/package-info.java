/**
 * ioflow odata: every integration object as an SAP Commerce compatible OData V2 service
 * ({@code /odata2webservices/<IntegrationObject>/}). Start with {@link dev.ioflow.odata.InboundService}.
 */
@NullMarked
package dev.ioflow.odata;

import org.jspecify.annotations.NullMarked;
