using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChangeOrchestrator.Persistence.Database;

/// <summary>
/// How the JSON parts of the state are written to text columns. Numbers are written as they are held (a long stays
/// exact, a decimal keeps its scale) and property names of JSON objects stay case-sensitive, so what is read back
/// is what was committed.
/// </summary>
internal static class StoredJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json, string what)
        where T : class =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"Stored {what} is JSON null.");

    public static string? WriteNode(JsonNode? node) => node?.ToJsonString(Options);

    public static JsonNode? ReadNode(string? json) => json is null ? null : JsonNode.Parse(json);

    public static JsonObject ReadObject(string json, string what) =>
        JsonNode.Parse(json) as JsonObject ?? throw new InvalidDataException($"Stored {what} is not a JSON object.");

    private static JsonSerializerOptions CreateOptions()
    {
        // Not the Web defaults: case-insensitive reading would make every JsonObject it creates case-insensitive too.
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
