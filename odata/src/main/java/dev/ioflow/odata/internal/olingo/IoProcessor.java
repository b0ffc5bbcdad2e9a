package dev.ioflow.odata.internal.olingo;

import org.apache.olingo.odata2.api.commons.HttpStatusCodes;
import org.apache.olingo.odata2.api.commons.ODataHttpHeaders;
import org.apache.olingo.odata2.api.processor.ODataResponse;
import org.apache.olingo.odata2.api.processor.ODataSingleProcessor;
import org.apache.olingo.odata2.api.uri.info.GetMetadataUriInfo;

/**
 * The base processor of an integration object's service: {@code $metadata} from the prebuilt EDMX, the service
 * document from Olingo. Data operations are added by subclasses.
 */
public class IoProcessor extends ODataSingleProcessor {
    protected final Exchange exchange;

    public IoProcessor(Exchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public ODataResponse readMetadata(GetMetadataUriInfo uriInfo, String contentType) {
        return ODataResponse.status(HttpStatusCodes.OK)
                .header(ODataHttpHeaders.DATASERVICEVERSION, "2.0")
                .contentHeader("application/xml;charset=utf-8")
                .entity(new java.io.ByteArrayInputStream(exchange.service().metadata()))
                .build();
    }
}
