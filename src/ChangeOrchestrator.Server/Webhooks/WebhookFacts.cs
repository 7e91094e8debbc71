using ChangeOrchestrator.Patching.ChangeRequests.Events;

namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>What every delivery tells regardless of its desk's payload shape: the desk, the change number and the event.</summary>
internal sealed record WebhookFacts(string Desk, string? Number, string? Event)
{
    public const string DeskPath = "@desk";
    public const string NumberPath = "@number";
    public const string ChangeKeyPath = "@changeKey";

    /// <summary><c>desk:number</c>, the key of the change's stimuli; null when the payload names no change.</summary>
    public string? ChangeKey => Number is null ? null : ChangeStimuli.Key(Desk, Number);

    public static bool IsFact(string path) => path is DeskPath or NumberPath or ChangeKeyPath;

    public string? Get(string path) => path switch
    {
        DeskPath => Desk,
        NumberPath => Number,
        ChangeKeyPath => ChangeKey,
        _ => null,
    };
}
