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

    /// <summary>How often the reconciler looks for work held by nodes that are gone.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often cron triggers are checked; an occurrence starts at most this long after it is due.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan CronCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How far back a starting node looks for an occurrence it missed while down; only the latest one starts.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan CronCatchUp { get; set; } = TimeSpan.FromHours(1);
}
