trigger AlowareWebhookDeliveryTrigger on Aloware_Webhook_Delivery__e(after insert) {
    AlowareWebhookDeliverySubscriber.handle(Trigger.new);
}
