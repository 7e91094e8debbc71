using ChangeOrchestrator.Simulators.ServiceNow.Http;

namespace ChangeOrchestrator.Simulators.ServiceNow.Tables;

/// <summary>
/// A POST to a record carrying <c>X-http-method-override</c>, for clients behind proxies that only pass GET and POST;
/// the instance honours the header, so the record routes dispatch on it.
/// </summary>
internal static class TableMethodOverride
{
    public const string Header = "X-http-method-override";

    public static async Task<IResult> DispatchAsync(
        HttpContext context, string table, string sysId, TableReader reader, TableWriter writer, CancellationToken cancellationToken)
    {
        var method = context.Request.Headers[Header].ToString().Trim().ToUpperInvariant();
        return method switch
        {
            "PATCH" or "PUT" => await writer.UpdateAsync(context, table, sysId, cancellationToken),
            "DELETE" => writer.Delete(context, table, sysId),
            "GET" => reader.Get(context, table, sysId),
            _ => new ServiceNowError(StatusCodes.Status405MethodNotAllowed, "Method not Supported", "POST method not supported for API").ToResult(),
        };
    }
}
