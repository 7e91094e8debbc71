using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Engine.Results;

namespace ChangeOrchestrator.Patching.ActivityEdge;

/// <summary>
/// An output object keyed by server (each server's root snapshot), filled a page at a time like
/// <see cref="OutputList{T}"/>: held when it fits in one page, written away page by page when it spans more.
/// </summary>
internal sealed class OutputMap<TValue>
{
    private readonly string _name;
    private readonly ResultListWriter? _writer;
    private readonly Dictionary<string, TValue> _held = new(StringComparer.Ordinal);

    private OutputMap(string name, ResultListWriter? writer)
    {
        _name = name;
        _writer = writer;
    }

    /// <summary>The object of output property <paramref name="name"/> (its JSON name) for about <paramref name="expected"/> servers.</summary>
    public static OutputMap<TValue> For(ActivityContext context, string name, int expected) =>
        new(name, expected > OutputList<TValue>.PageSize ? context.WriteMap(name) : null);

    /// <summary>The properties held for the output: none when the object is written away.</summary>
    public IReadOnlyDictionary<string, TValue> Held => _held;

    public async Task AddAsync(IReadOnlyList<KeyValuePair<string, TValue>> properties, CancellationToken cancellationToken)
    {
        if (_writer is null)
        {
            foreach (var (key, value) in properties)
            {
                _held[key] = value;
            }
        }
        else if (properties.Count > 0)
        {
            await _writer.AppendPropertiesAsync([.. properties.Select(p => KeyValuePair.Create(p.Key, ActivityJson.ItemNode(p.Value)))], cancellationToken);
        }
    }

    /// <summary>Puts the written object in <paramref name="written"/> as the output property it replaces; nothing when it is held.</summary>
    public async Task CompleteAsync(Dictionary<string, JsonNode> written, CancellationToken cancellationToken)
    {
        if (_writer is not null)
        {
            written[_name] = await _writer.CompleteAsync(cancellationToken);
        }
    }
}
