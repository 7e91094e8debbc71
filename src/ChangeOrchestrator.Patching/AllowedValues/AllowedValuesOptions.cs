using System.ComponentModel.DataAnnotations;

namespace ChangeOrchestrator.Patching.AllowedValues;

/// <summary>The <c>AllowedValues</c> section: where the values that workflow inputs may name with <c>enumFrom</c> come from.</summary>
public sealed class AllowedValuesOptions
{
    public const string Section = "AllowedValues";

    /// <summary>How long the fleet's patch groups are kept before they are read again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "AllowedValues:PatchGroupsCacheDuration must be between 00:00:01 and 1.00:00:00.")]
    public TimeSpan PatchGroupsCacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The SSM Change Calendar documents workflows may consult (<c>calendarNames</c>).</summary>
    public IList<string> ChangeCalendars { get; } = [];
}
