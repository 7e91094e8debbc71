using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Engine.Results;

namespace ChangeOrchestrator.Patching.ActivityEdge;

/// <summary>
/// A per-server output list filled a page at a time: held for the output when the whole list fits in one page (the
/// commit stores it apart as any long list, so a small change stores what it always did), written away page by page
/// when it spans more, so that a list of 50,000 servers is never held whole.
/// </summary>
internal sealed class OutputList<T>
{
    /// <summary>Items per page read, worked on and written.</summary>
    public const int PageSize = 1000;

    private readonly string _name;
    private readonly ResultListWriter? _writer;
    private readonly List<T> _held = [];

    private OutputList(string name, ResultListWriter? writer)
    {
        _name = name;
        _writer = writer;
    }

    /// <summary>The list of output property <paramref name="name"/> (its JSON name) for <paramref name="expected"/> items.</summary>
    public static OutputList<T> For(ActivityContext context, string name, int expected) =>
        new(name, expected > PageSize ? context.WriteList(name) : null);

    /// <summary>
    /// A list already in hand, for the output property <paramref name="name"/>: returned to be held when it fits in a
    /// page, else written away a page at a time and named in <paramref name="written"/> (an empty list is returned).
    /// </summary>
    public static async Task<IReadOnlyList<T>> OfAsync(
        ActivityContext context, string name, IReadOnlyList<T> items, Dictionary<string, JsonNode> written, CancellationToken cancellationToken)
    {
        var list = For(context, name, items.Count);
        foreach (var page in items.Chunk(PageSize))
        {
            await list.AddAsync(page, cancellationToken);
        }

        await list.CompleteAsync(written, cancellationToken);
        return list.Held;
    }

    /// <summary>The items held for the output: none when the list is written away.</summary>
    public IReadOnlyList<T> Held => _held;

    public int Count => _writer?.Count ?? _held.Count;

    public async Task AddAsync(IReadOnlyList<T> items, CancellationToken cancellationToken)
    {
        if (_writer is null)
        {
            _held.AddRange(items);
        }
        else if (items.Count > 0)
        {
            await _writer.AppendAsync([.. items.Select(item => ActivityJson.ItemNode(item))], cancellationToken);
        }
    }

    /// <summary>Puts the written list in <paramref name="written"/> as the output property it replaces; nothing when the list is held.</summary>
    public async Task CompleteAsync(Dictionary<string, JsonNode> written, CancellationToken cancellationToken)
    {
        if (_writer is not null)
        {
            written[_name] = await _writer.CompleteAsync(cancellationToken);
        }
    }
}
