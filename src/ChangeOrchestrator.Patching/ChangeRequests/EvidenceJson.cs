using System.Text.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Results;

namespace ChangeOrchestrator.Patching.ChangeRequests;

/// <summary>
/// Writes a change's evidence as JSON, each per-server list stored apart from the instance written item by item as
/// it is read, so a 10,000-server evidence is never held as one document tree.
/// </summary>
public static class EvidenceJson
{
    public static async Task WriteAsync(Stream stream, JsonNode? evidence, Func<JsonObject, IAsyncEnumerable<JsonNode?>> read, CancellationToken cancellationToken)
    {
        await using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        await WriteNodeAsync(writer, evidence, read, stream, cancellationToken);
        await writer.FlushAsync(cancellationToken);
    }

    private static async Task WriteNodeAsync(Utf8JsonWriter writer, JsonNode? node, Func<JsonObject, IAsyncEnumerable<JsonNode?>> read, Stream stream, CancellationToken cancellationToken)
    {
        switch (node)
        {
            case JsonObject reference when ResultReference.Is(reference) && ResultReference.IsObject(reference):
                writer.WriteStartObject();
                await foreach (var item in read(reference).WithCancellation(cancellationToken))
                {
                    writer.WritePropertyName(item!["key"]!.GetValue<string>());
                    WriteValue(writer, item["value"]);
                }

                writer.WriteEndObject();
                break;

            case JsonObject reference when ResultReference.Is(reference):
                writer.WriteStartArray();
                await foreach (var item in read(reference).WithCancellation(cancellationToken))
                {
                    WriteValue(writer, item);
                    if (writer.BytesPending > 64 * 1024)
                    {
                        await writer.FlushAsync(cancellationToken);
                    }
                }

                writer.WriteEndArray();
                break;

            case JsonObject obj when ResultReference.Within(obj):
                writer.WriteStartObject();
                foreach (var (name, value) in obj)
                {
                    writer.WritePropertyName(name);
                    await WriteNodeAsync(writer, value, read, stream, cancellationToken);
                }

                writer.WriteEndObject();
                break;

            case JsonArray array when ResultReference.Within(array):
                writer.WriteStartArray();
                foreach (var value in array)
                {
                    await WriteNodeAsync(writer, value, read, stream, cancellationToken);
                }

                writer.WriteEndArray();
                break;

            default:
                WriteValue(writer, node);
                break;
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, JsonNode? node)
    {
        if (node is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            node.WriteTo(writer);
        }
    }
}
