using System.Globalization;
using ChangeOrchestrator.Simulators.ServiceNow.Http;
using ChangeOrchestrator.Simulators.ServiceNow.Tables.Query;

namespace ChangeOrchestrator.Simulators.ServiceNow.Tables;

/// <summary>The list parameters of a GET: the filter (sysparm_query, or name=value pairs) and the page.</summary>
internal sealed record ListQuery(EncodedQuery Filter, int Limit, int Offset, bool NoCount, bool SuppressPaginationHeader)
{
    public static (ListQuery? Query, ServiceNowError? Error) Parse(HttpRequest request, int defaultLimit)
    {
        var parameters = request.Query;
        if (!TryReadInt(parameters["sysparm_offset"], 0, out var offset))
        {
            return (null, ServiceNowError.BadRequest("Invalid sysparm_offset", "sysparm_offset must be an integer"));
        }

        if (offset < 0)
        {
            return (null, ServiceNowError.BadRequest("offset is " + offset.ToString(CultureInfo.InvariantCulture), "Negative offset is not supported"));
        }

        if (!TryReadInt(parameters["sysparm_limit"], defaultLimit, out var limit))
        {
            return (null, ServiceNowError.BadRequest("Invalid sysparm_limit", "sysparm_limit must be an integer"));
        }

        var filter = parameters.ContainsKey("sysparm_query")
            ? EncodedQueryParser.Parse(parameters["sysparm_query"])
            : NameValueFilter(request);
        return (new ListQuery(filter, limit > 0 ? limit : defaultLimit, offset, IsTrue(parameters["sysparm_no_count"]),
            IsTrue(parameters["sysparm_suppress_pagination_header"])), null);
    }

    private static EncodedQuery NameValueFilter(HttpRequest request)
    {
        var conditions = request.Query
            .Where(p => !p.Key.StartsWith("sysparm_", StringComparison.OrdinalIgnoreCase))
            .Select(p => (IReadOnlyList<QueryCondition>)[EncodedQueryParser.Equality(p.Key, p.Value.ToString())])
            .ToList();
        return conditions.Count == 0 ? EncodedQuery.All : new EncodedQuery([conditions], [], []);
    }

    private static bool TryReadInt(string? text, int fallback, out int value)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    private static bool IsTrue(string? text) => string.Equals(text, "true", StringComparison.OrdinalIgnoreCase);
}
