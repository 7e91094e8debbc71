namespace ChangeOrchestrator.Engine.Definitions;

public enum TriggerType
{
    Cron,
    Event,
    Webhook,
}
