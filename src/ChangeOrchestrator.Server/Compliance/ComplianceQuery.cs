using ChangeOrchestrator.Patching.Compliance.History;
using ChangeOrchestrator.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChangeOrchestrator.Server.Compliance;

/// <summary>The query string every compliance table takes: filters, period and format, checked before any read.</summary>
internal sealed record ComplianceQuery(string? Group, string? Environment, string? Os, int? Days, string? Format)
{
    private const int MaxNameLength = 256;

    public const int MaxDays = 365;

    public ComplianceFilter Filter => new() { PatchGroup = Group, Environment = Environment, OperatingSystem = Os };

    public bool IsCsv => string.Equals(Format, "csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>A problem naming the first wrong parameter, or null.</summary>
    public ValidationProblem? Problem()
    {
        foreach (var (name, value) in new[] { ("group", Group), ("environment", Environment), ("os", Os) })
        {
            if (value is { Length: 0 or > MaxNameLength })
            {
                return ApiProblems.Field(name, $"must be 1 to {MaxNameLength} characters");
            }
        }

        if (Days is < 1 or > MaxDays)
        {
            return ApiProblems.Field("days", $"must be between 1 and {MaxDays}");
        }

        return Format is null || IsCsv || string.Equals(Format, "json", StringComparison.OrdinalIgnoreCase)
            ? null
            : ApiProblems.Field("format", "must be json or csv");
    }

    /// <summary>The rows as JSON, or as CSV when asked for.</summary>
    public Results<Ok<IReadOnlyList<T>>, FileContentHttpResult, ValidationProblem> Answer<T>(IReadOnlyList<T> rows, string name) =>
        IsCsv ? CsvExport.File(rows, name) : TypedResults.Ok(rows);
}
