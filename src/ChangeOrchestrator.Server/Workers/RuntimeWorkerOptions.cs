using System.ComponentModel.DataAnnotations;

namespace ChangeOrchestrator.Server.Workers;

/// <summary>Configuration section <c>Runtime</c>: how often the background workers look for work.</summary>
public sealed class RuntimeWorkerOptions
{
    public const string Section = "Runtime";

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan TimerPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan StimulusExpiryInterval { get; set; } = TimeSpan.FromMinutes(5);
}
