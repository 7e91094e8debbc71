using System.ComponentModel;

namespace ChangeOrchestrator.Patching.Validation;

/// <summary>An HTTP GET that proves an application answers as it should.</summary>
public sealed record HttpProbe
{
    [Description("Absolute http(s) URL; {instanceId} is replaced by each server's id.")]
    public required string Url { get; init; }

    [Description("The status a healthy application answers; 200 by default.")]
    public int ExpectedStatus { get; init; } = 200;

    [Description("Text the body must contain (ordinal, case-sensitive); not checked when absent.")]
    public string? BodyContains { get; init; }
}
