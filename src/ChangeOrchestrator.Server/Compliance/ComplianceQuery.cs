using ChangeOrchestrator.Patching.Compliance.History;
using ChangeOrchestrator.Patching.Compliance.Reports;
using ChangeOrchestrator.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChangeOrchestrator.Server.Compliance;

/// <summary>
/// The query string every compliance table takes: filters, period, format and, on the lists, the page (<c>limit</c>
/// rows after the <c>after</c> token of the previous page), checked before any read. Properties rather than a positional
/// record: the request delegate generator binds those without reflecting over a constructor.
/// </summary>
internal sealed record ComplianceQuery
{
    public string? Group { get; init; }

    public string? Environment { get; init; }

    public string? Os { get; init; }

    public int? Days { get; init; }

    public string? Format { get; init; }

    public int? Limit { get; init; }

    public string? After { get; init; }

    private const int MaxNameLength = 256;

    public const int MaxDays = 365;

    public ComplianceFilter Filter => new() { PatchGroup = Group, Environment = Environment, OperatingSystem = Os };

    public bool IsCsv => string.Equals(Format, "csv", StringComparison.OrdinalIgnoreCase);

    public int PageSize => Limit ?? ComplianceReports.DefaultPageSize;

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

    /// <summary>A problem naming a wrong page parameter of a paged list (<paramref name="parse"/> reads the token), or null.</summary>
    public ValidationProblem? PageProblem<TKey>(TryParseToken<TKey> parse, out TKey? after)
        where TKey : class
    {
        after = null;
        if (Limit is < 1 or > ComplianceReports.MaxPageSize)
        {
            return ApiProblems.Field("limit", $"must be between 1 and {ComplianceReports.MaxPageSize}");
        }

        return string.IsNullOrEmpty(After) || parse(After, out after)
            ? null
            : ApiProblems.Field("after", "is not a page token this API returned");
    }

    /// <summary>The rows as JSON, or streamed as CSV when asked for.</summary>
    public Results<Ok<IReadOnlyList<T>>, PushStreamHttpResult, ValidationProblem> Answer<T>(IReadOnlyList<T> rows, string name, CancellationToken cancellationToken) =>
        IsCsv ? CsvExport.Stream(rows, name, cancellationToken) : TypedResults.Ok(rows);
}
