using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChangeOrchestrator.Server.Compliance;

/// <summary>
/// A table of the compliance API as CSV: the same rows the JSON answer holds, one header line, RFC 4180 quoting, and
/// cells that a spreadsheet would run as a formula (=, +, -, @) escaped, as the data comes from servers and patches.
/// </summary>
internal static class CsvExport
{
    private static readonly CsvWriterOptions Options = new() { FormatProvider = CultureInfo.InvariantCulture, Injection = CsvInjection.Escape };

    public static FileContentHttpResult File<T>(IEnumerable<T> rows, string name)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Options, leaveOpen: true))
        {
            csv.WriteRecords(rows);
        }

        return TypedResults.File(stream.ToArray(), "text/csv; charset=utf-8", name + ".csv");
    }
}
