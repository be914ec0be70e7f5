trigger AlowareLeadTrigger on Lead(after insert, after update, after undelete) {
    AlowareLeadTriggerHandler.handle(Trigger.operationType, Trigger.new, Trigger.oldMap);
}
