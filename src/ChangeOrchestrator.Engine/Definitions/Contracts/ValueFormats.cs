using System.Text.RegularExpressions;
using Cronos;

namespace ChangeOrchestrator.Engine.Definitions.Contracts;

/// <summary>Checks strings against the named <see cref="ValueFormat"/>s and says what each expects.</summary>
public static partial class ValueFormats
{
    public static bool Matches(ValueFormat format, string text) => format switch
    {
        ValueFormat.PercentOrCount => PositivePercentOrCount().IsMatch(text),
        ValueFormat.PercentOrCountFromZero => PercentOrCountFromZero().IsMatch(text),
        ValueFormat.Uri => System.Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0,
        ValueFormat.TimeZone => TimeZoneInfo.TryFindSystemTimeZoneById(text, out _),
        ValueFormat.Cron => IsCron(text),
        _ => false,
    };

    public static string Describe(ValueFormat format) => format switch
    {
        ValueFormat.PercentOrCount => "a share from 1% to 100% or a positive count (e.g. \"10%\" or \"5\")",
        ValueFormat.PercentOrCountFromZero => "a share from 0% to 100% or a count from 0 (e.g. \"10%\" or \"0\")",
        ValueFormat.Uri => "an absolute http or https URL",
        ValueFormat.TimeZone => "a known time zone id (e.g. UTC or Europe/Berlin)",
        ValueFormat.Cron => "a cron expression of five fields, or six with seconds first (e.g. \"0 22 * * 6\")",
        _ => format.ToString(),
    };

    private static bool IsCron(string text)
    {
        var format = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        try
        {
            CronExpression.Parse(text, format);
            return true;
        }
        catch (CronFormatException)
        {
            return false;
        }
    }

    // SSM's own patterns for MaxConcurrency and MaxErrors.
    [GeneratedRegex("^([1-9][0-9]{0,5}|[1-9][0-9]?%|100%)$")]
    private static partial Regex PositivePercentOrCount();

    [GeneratedRegex("^([1-9][0-9]{0,5}|0|[1-9]?[0-9]%|100%)$")]
    private static partial Regex PercentOrCountFromZero();
}
