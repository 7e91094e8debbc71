using System.Text.Json;

namespace ChangeOrchestrator.Simulators.ServiceNow.Control;

/// <summary>Reads a control request's body, which may be absent where every field has a default.</summary>
internal static class ControlJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request, T? whenEmpty, CancellationToken cancellationToken)
        where T : class
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return whenEmpty is null ? (null, Results.Problem(title: "A JSON body is required", statusCode: StatusCodes.Status400BadRequest)) : (whenEmpty, null);
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(text, Options);
            return value is null ? (null, Results.Problem(title: "A JSON body is required", statusCode: StatusCodes.Status400BadRequest)) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, Results.Problem(title: "The body is not valid JSON", detail: ex.Message, statusCode: StatusCodes.Status400BadRequest));
        }
    }
}
