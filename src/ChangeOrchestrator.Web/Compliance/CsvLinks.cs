using System.Globalization;
using ChangeOrchestrator.Patching.Compliance.History;

namespace ChangeOrchestrator.Web.Compliance;

/// <summary>
/// The CSV export of each table: the API's own CSV answer (<c>/api/compliance/...?format=csv</c>), with the page's
/// filters, so the file holds the rows the API and the page show. The console's session cookie signs the request.
/// </summary>
public static class CsvLinks
{
    public static string For(string table, ComplianceFilter filter, params (string Name, object? Value)[] extra)
    {
        var query = new List<string> { "format=csv" };
        foreach (var (name, value) in new (string, object?)[] { ("group", filter.PatchGroup), ("environment", filter.Environment), ("os", filter.OperatingSystem) }.Concat(extra))
        {
            if (value is not null)
            {
                query.Add(name + "=" + Uri.EscapeDataString(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
            }
        }

        return "api/compliance/" + table + "?" + string.Join('&', query);
    }
}
