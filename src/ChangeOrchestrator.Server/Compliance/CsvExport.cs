using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChangeOrchestrator.Server.Compliance;

/// <summary>
/// A table of the compliance API as CSV: the same rows the JSON answer holds, one header line, RFC 4180 quoting, and
/// cells that a spreadsheet would run as a formula (=, +, -, @) escaped, as the data comes from servers and patches.
/// The rows are written to the response as the database returns them, so a table of the whole fleet is never held in memory.
/// </summary>
internal static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions Options = new() { FormatProvider = CultureInfo.InvariantCulture, Injection = CsvInjection.Escape };

    public static PushStreamHttpResult Stream<T>(IAsyncEnumerable<T> rows, string name, CancellationToken cancellationToken) =>
        TypedResults.Stream(
            async body =>
            {
                await using var csv = CsvWriter.Create(body, Options, leaveOpen: true);
                await csv.WriteRecordsAsync(rows, cancellationToken);
                await csv.FlushAsync(cancellationToken);
            },
            ContentType,
            name + ".csv");

    public static PushStreamHttpResult Stream<T>(IEnumerable<T> rows, string name, CancellationToken cancellationToken) =>
        Stream(rows.ToAsyncEnumerable(), name, cancellationToken);
}
