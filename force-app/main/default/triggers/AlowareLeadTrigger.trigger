trigger AlowareLeadTrigger on Lead(after insert, after update) {
    AlowareLeadTriggerHandler.handle(Trigger.operationType, Trigger.new, Trigger.oldMap);
}
