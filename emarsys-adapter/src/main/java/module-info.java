/**
 * ioflow Emarsys adapter: Emarsys Core API contacts from integration objects (OAuth 2.0 and WSSE), field mapping
 * and batched delivery as a webhook {@code DeliveryTarget}.
 */
module dev.ioflow.emarsys {
    requires transitive dev.ioflow.webhook;
    requires org.slf4j;

    exports dev.ioflow.emarsys;
}
