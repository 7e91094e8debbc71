using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChangeOrchestrator.Benchmarks.Reporting;

internal static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // A file for people and scripts, never embedded in HTML: '<', '+' and '`' stay readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,

        // A figure that could not be measured is NaN; JSON has no NaN, so it is written as the string "NaN".
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Render(BenchReport report) => JsonSerializer.Serialize(report, Options);
}
