using System.Globalization;
using System.Text;
using CsvHelper;

namespace ChangeOrchestrator.Server.Compliance;

/// <summary>A table of the compliance API as CSV: the same rows the JSON answer holds, one header line, RFC 4180 quoting.</summary>
internal static class CsvExport
{
    public static IResult File<T>(IEnumerable<T> rows, string name)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            csv.WriteRecords(rows);
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(writer.ToString()), "text/csv; charset=utf-8", name + ".csv");
    }
}
