namespace ChangeOrchestrator.Engine.Definitions.Contracts;

/// <summary>Named string formats an input can require, beyond what a pattern says clearly.</summary>
public enum ValueFormat
{
    /// <summary>The SSM <c>MaxConcurrency</c> syntax: a share from 1% to 100%, or a positive count (1, 10).</summary>
    PercentOrCount,

    /// <summary>The SSM <c>MaxErrors</c> syntax: a share from 0% to 100%, or a count from 0.</summary>
    PercentOrCountFromZero,

    /// <summary>An absolute http or https URL.</summary>
    Uri,

    /// <summary>A time zone id the server knows (IANA, e.g. Europe/Berlin, or Windows).</summary>
    TimeZone,

    /// <summary>A cron expression of five fields (minute hour day month weekday), or six with seconds first.</summary>
    Cron,
}
