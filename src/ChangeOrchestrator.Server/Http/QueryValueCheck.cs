using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;

namespace ChangeOrchestrator.Server.Http;

/// <summary>
/// Refuses a route or query value that its endpoint parameter cannot parse (<c>?limit=ten</c>, <c>?from=yesterday</c>)
/// with the API's problem naming the parameter and the value. The handlers are compiled at build time (the request
/// delegate generator), whose code answers such a value with a bare 400 that names nothing; this check parses each
/// value as that code does, before it runs.
/// </summary>
internal sealed class QueryValueCheck(RequestDelegate next)
{
    // One middleware per pipeline, so per application: its endpoints are the keys.
    private readonly ConcurrentDictionary<Endpoint, ParsedValue[]> _parsed = new();

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is { } endpoint)
        {
            foreach (var value in _parsed.GetOrAdd(endpoint, ParsedValue.Of))
            {
                if (value.Problem(context) is { } problem)
                {
                    await problem.ExecuteAsync(context);
                    return;
                }
            }
        }

        await next(context);
    }

    /// <summary>One parameter bound from the route or the query string by parsing, and how the generated code parses it.</summary>
    private sealed record ParsedValue(string Name, string TypeName, Func<string, bool> TryParse)
    {
        public static ParsedValue[] Of(Endpoint endpoint) =>
        [
            .. endpoint.Metadata.OfType<IParameterBindingMetadata>()
                .Where(p => p.HasTryParse)
                .Select(p => For(p.Name, p.ParameterInfo))
                .OfType<ParsedValue>(),
        ];

        /// <summary>The problem naming this parameter when the request's value does not parse, or null.</summary>
        public IResult? Problem(HttpContext context)
        {
            var raw = context.Request.RouteValues.TryGetValue(Name, out var routed) && routed is string route
                ? route
                : context.Request.Query[Name] is { Count: > 0 } query ? query.ToString() : null;
            return string.IsNullOrEmpty(raw) || TryParse(raw)
                ? null
                : ApiProblems.Field(JsonNamingPolicy.CamelCase.ConvertName(Name), $"'{raw}' is not a valid {TypeName}");
        }

        private static ParsedValue? For(string name, ParameterInfo parameter)
        {
            var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            (string Name, Func<string, bool>? TryParse) parse = type switch
            {
                _ when type == typeof(string) => (type.Name, null),
                _ when type.IsEnum => ($"value ({string.Join(", ", Enum.GetNames(type))})", s => Enum.TryParse(type, s, ignoreCase: false, out _)),
                _ when type == typeof(bool) => ("boolean (true or false)", s => bool.TryParse(s, out _)),
                _ when type == typeof(DateTimeOffset) => (DateAndTime, s => DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, Styles, out _)),
                _ when type == typeof(DateTime) => (DateAndTime, s => DateTime.TryParse(s, CultureInfo.InvariantCulture, Styles, out _)),
                _ when type == typeof(int) || type == typeof(long) => ("whole number", Parsable(type)),
                _ => (type.Name, Parsable(type)),
            };
            return parse.TryParse is null ? null : new ParsedValue(name, parse.Name, parse.TryParse);
        }

        private const string DateAndTime = "date and time (ISO 8601)";

        private const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;

        // IParsable<T>.TryParse(string, IFormatProvider, out T) with the invariant culture, as the generated code calls it.
        private static Func<string, bool>? Parsable(Type type)
        {
            var method = type.GetMethod(
                "TryParse",
                BindingFlags.Public | BindingFlags.Static,
                [typeof(string), typeof(IFormatProvider), type.MakeByRefType()]);
            return method is null
                ? null
                : s => (bool)method.Invoke(null, [s, CultureInfo.InvariantCulture, null])!;
        }
    }
}
