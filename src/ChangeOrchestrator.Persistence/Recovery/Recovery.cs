namespace ChangeOrchestrator.Persistence.Recovery;

/// <summary>One piece of stuck work the reconciler freed: what kind, which row, and the node that held it.</summary>
public sealed record Recovery(string Kind, string Id, string? HeldBy)
{
    public const string ExpiredLease = "expired-lease";
    public const string StuckTimer = "stuck-timer";
    public const string StuckDelivery = "stuck-delivery";
    public const string StrandedStimulus = "stranded-stimulus";
}
