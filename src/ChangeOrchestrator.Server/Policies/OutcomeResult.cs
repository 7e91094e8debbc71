using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace ChangeOrchestrator.Server.Policies;

/// <summary>
/// The answer of a plan applied: 200 with the report when every write succeeded, 422 with the same report when one
/// was refused. One result type for both, so the OpenAPI document names the report under each status.
/// </summary>
public sealed class OutcomeResult<TValue> : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<TValue>
{
    public OutcomeResult(bool succeeded, TValue value)
    {
        Succeeded = succeeded;
        Value = value;
    }

    public bool Succeeded { get; }

    public TValue Value { get; }

    object? IValueHttpResult.Value => Value;

    public int StatusCode => Succeeded ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public Task ExecuteAsync(HttpContext httpContext) =>
        Succeeded ? TypedResults.Ok(Value).ExecuteAsync(httpContext) : TypedResults.UnprocessableEntity(Value).ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(TValue), ["application/json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status422UnprocessableEntity, typeof(TValue), ["application/json"]));
    }
}
