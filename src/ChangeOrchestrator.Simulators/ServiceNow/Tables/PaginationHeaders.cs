using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.Extensions;

namespace ChangeOrchestrator.Simulators.ServiceNow.Tables;

/// <summary>X-Total-Count and the Link header (first/prev/next/last) of a list response.</summary>
internal static class PaginationHeaders
{
    public static void Apply(HttpContext context, ListQuery query, int total)
    {
        if (!query.NoCount)
        {
            context.Response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        }

        if (query.SuppressPaginationHeader)
        {
            return;
        }

        var request = context.Request;
        var baseUrl = UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path);
        var kept = request.Query.Where(p => p.Key is not ("sysparm_offset" or "sysparm_limit")).ToList();
        string Link(int offset, string rel)
        {
            var url = new StringBuilder(baseUrl).Append("?sysparm_limit=").Append(query.Limit.ToString(CultureInfo.InvariantCulture))
                .Append("&sysparm_offset=").Append(offset.ToString(CultureInfo.InvariantCulture));
            foreach (var (key, values) in kept)
            {
                foreach (var value in values)
                {
                    url.Append('&').Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value ?? ""));
                }
            }

            return $"<{url}>;rel=\"{rel}\"";
        }

        var links = new List<string> { Link(0, "first") };
        if (query.Offset > 0)
        {
            links.Add(Link(Math.Max(0, query.Offset - query.Limit), "prev"));
        }

        if (query.Offset + query.Limit < total)
        {
            links.Add(Link(query.Offset + query.Limit, "next"));
        }

        links.Add(Link(total == 0 ? 0 : (total - 1) / query.Limit * query.Limit, "last"));
        context.Response.Headers.Link = string.Join(",", links);
    }
}
