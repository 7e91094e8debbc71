using System.ComponentModel;

namespace ChangeOrchestrator.Patching.Validation;

/// <summary>What one HTTP probe of one server found.</summary>
public sealed record ProbeResult
{
    [Description("The URL probed, without its query string.")]
    public required string Url { get; init; }

    [Description("The status answered; absent when nothing answered.")]
    public int? StatusCode { get; init; }

    public required bool Healthy { get; init; }

    [Description("Why the probe failed: wrong status, missing text, no answer in time, connection error.")]
    public string? Error { get; init; }
}
