package dev.ioflow.webhook;

import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import mockwebserver3.RecordedRequest;
import okio.ByteString;

/** Reads a request as the official CloudEvents Java SDK does (HTTP binary mode), so the tests do not trust ioflow. */
final class CloudEventsParsing {

    private CloudEventsParsing() {
    }

    static CloudEvent parse(RecordedRequest request) {
        ByteString body = request.getBody();
        return HttpMessageFactory.createReader(forEach -> request.getHeaders().forEach(
                        header -> forEach.accept(header.getFirst(), header.getSecond())),
                body == null ? new byte[0] : body.toByteArray()).toEvent();
    }
}
