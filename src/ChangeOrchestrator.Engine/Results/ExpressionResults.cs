using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Expressions;

namespace ChangeOrchestrator.Engine.Results;

/// <summary>
/// The scope an expression is evaluated in, with the stored lists it reads item by item (see <see cref="ItemReads"/>)
/// read back into a copy of the step outputs and variables it names. An expression that reads no stored list gets
/// the instance's own state, as before.
/// </summary>
internal static class ExpressionResults
{
    public static async Task<ExpressionContext> ReadItemsAsync(string expression, ExpressionContext context, ResultLoader loader, CancellationToken cancellationToken)
    {
        JsonObject? steps = null;
        JsonObject? variables = null;
        foreach (var read in ItemReads.Of(expression))
        {
            var source = read.Root == "steps" ? context.Steps : context.Variables;
            if (!NeedsItems(source, read.Segments))
            {
                continue;
            }

            var target = read.Root == "steps"
                ? steps ??= CopyOf(context.Steps)
                : variables ??= CopyOf(context.Variables);
            await LoadAsync(target, read.Segments, loader, cancellationToken);
        }

        return steps is null && variables is null
            ? context
            : context with { Steps = steps ?? context.Steps, Variables = variables ?? context.Variables };
    }

    private static JsonObject CopyOf(JsonObject source) => (JsonObject)source.DeepClone();

    /// <summary>Whether the path passes through a reference (other than to count it) or ends on a value holding one.</summary>
    private static bool NeedsItems(JsonNode? node, IReadOnlyList<string> segments)
    {
        for (var i = 0; i < segments.Count; i++)
        {
            if (ResultReference.Is(node))
            {
                return !(i == segments.Count - 1 && segments[i] == ResultReference.LengthProperty);
            }

            node = node is JsonObject obj ? obj[segments[i]] : null;
            if (node is null)
            {
                return false;
            }
        }

        return ResultReference.Within(node);
    }

    private static async Task LoadAsync(JsonObject root, IReadOnlyList<string> segments, ResultLoader loader, CancellationToken cancellationToken)
    {
        JsonNode? node = root;
        foreach (var segment in segments)
        {
            if (ResultReference.Is(node))
            {
                break;
            }

            var next = node is JsonObject obj ? obj[segment] : null;
            if (next is null)
            {
                break;
            }

            node = next;
        }

        if (node is null || ReferenceEquals(node, root) || !ResultReference.Within(node))
        {
            return;
        }

        var items = await loader.ResolveAsync(node, cancellationToken);
        node.ReplaceWith(items);
    }
}
