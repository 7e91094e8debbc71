using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Definitions;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Results;

namespace ChangeOrchestrator.Engine.Activities;

/// <summary>Everything an activity may see and touch while it runs once.</summary>
public class ActivityContext
{
    private readonly IActivityScope _scope;

    internal ActivityContext(IActivityScope scope, ActivityNode node, JsonObject inputs, ActivityRuntimeState state, Resumption? resumption, string? arrivedFrom)
    {
        _scope = scope;
        Node = node;
        Inputs = inputs;
        RuntimeState = state;
        Resumption = resumption;
        ArrivedFrom = arrivedFrom;
    }

    protected ActivityContext(ActivityContext other)
        : this(other._scope, other.Node, other.Inputs, other.RuntimeState, other.Resumption, other.ArrivedFrom)
    {
    }

    public ActivityNode Node { get; }

    public string ActivityId => Node.Id;

    public string InstanceId => _scope.Instance.Id;

    public string? CorrelationId => _scope.Instance.CorrelationId;

    public WorkflowDefinition Definition => _scope.Definition;

    /// <summary>The evaluated inputs, expressions already replaced by their values.</summary>
    public JsonObject Inputs { get; }

    /// <summary>Data the activity keeps between its executions (a loop index, a poll count); stored with the instance.</summary>
    public JsonObject State => RuntimeState.Data;

    /// <summary>Set when a bookmark of this activity fired; null on a fresh execution.</summary>
    public Resumption? Resumption { get; }

    /// <summary>The activity whose outcome scheduled this one, if any.</summary>
    public string? ArrivedFrom { get; }

    /// <summary>Attempt number of this execution, 1 for the first, counting retries after transient faults.</summary>
    public int Attempt => RuntimeState.Attempt;

    /// <summary>
    /// Stable across a crash and the re-run that follows (the counter is only advanced by a commit), so an activity
    /// can find what it already did in an external system before doing it again.
    /// </summary>
    public string IdempotencyKey => $"{InstanceId}:{ActivityId}:{RuntimeState.Executions}";

    public TimeProvider Time => _scope.Time;

    public DateTimeOffset Now => _scope.Time.GetUtcNow();

    public IServiceProvider Services => _scope.Services;

    public JsonObject Variables => _scope.Instance.Variables;

    public JsonObject WorkflowInput => _scope.Instance.Input;

    internal ActivityRuntimeState RuntimeState { get; }

    /// <summary>The distinct activities with a connection into this one (what a join waits for).</summary>
    public IReadOnlyList<string> IncomingSources => _scope.Graph.IncomingSources(Node.Id);

    /// <summary>Sets a variable; a long array in the value is stored apart from the instance (see <see cref="ReadListAsync"/>).</summary>
    public void SetVariable(string name, JsonNode? value) => _scope.SetVariable(name, value);

    /// <summary>
    /// A copy of <paramref name="value"/> in which the stored lists that cannot change any more stay references and
    /// the others are read into arrays. A list stays a reference when it is the output of an activity that completes
    /// at most once (see <see cref="FlowGraph.CompletesOnce"/>), so a variable set from it may share it instead of
    /// copying it item by item: a 10,000-server list is then never held whole to be stored again. Lists of variables
    /// and of activity state, and outputs of activities that may run again, are replaced when they are written again,
    /// so a value taken from them is a copy as before.
    /// </summary>
    public Task<JsonNode?> ShareSettledListsAsync(JsonNode? value, CancellationToken cancellationToken) =>
        ResultReference.Within(value)
            ? _scope.Results.ResolveAsync(value, cancellationToken, IsSettled)
            : Task.FromResult(value?.DeepClone());

    private bool IsSettled(JsonObject reference) =>
        ResultReference.Parts(reference).All(part => part.Items is not null
            || (!part.Activity.StartsWith('$') && !part.Name.StartsWith('$')
                && _scope.Definition.FindActivity(part.Activity) is not null && _scope.Graph.CompletesOnce(part.Activity)));

    /// <summary>
    /// The items of a per-server list, read a page at a time: the list itself when <paramref name="list"/> is an array,
    /// the stored items when it is a reference (an input declared with <see cref="StreamsResultsAttribute"/> keeps its
    /// references, so a large list is streamed, never held whole).
    /// </summary>
    public async IAsyncEnumerable<JsonNode?> ReadListAsync(JsonNode? list, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        switch (list)
        {
            case JsonObject reference when ResultReference.Is(reference):
                await foreach (var item in _scope.Results.ReadAsync(reference, cancellationToken))
                {
                    yield return item;
                }

                break;
            case JsonArray items:
                foreach (var item in items)
                {
                    yield return item;
                }

                break;
        }
    }

    /// <summary>
    /// The items of a per-server list bound one at a time to <typeparamref name="T"/>, read a page at a time like
    /// <see cref="ReadListAsync(JsonNode?, CancellationToken)"/>: only the typed item being read and what the caller
    /// keeps of it are held, never the list as a JSON tree. An item of the wrong shape is a permanent fault naming the
    /// input, the item's position and the path within it.
    /// </summary>
    public async IAsyncEnumerable<T> ReadListAsync<T>(JsonNode? list, string inputName, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        var index = 0;
        await foreach (var item in ReadListAsync(list, cancellationToken))
        {
            yield return ActivityJson.BindItem<T>(item, ActivityId, inputName, index);
            index++;
        }
    }

    /// <summary>
    /// A per-server list written a page at a time while the activity runs, for a list too long to hold whole (every
    /// scanned server's missing patches): each page is stored at once, and the value <see cref="ResultListWriter.CompleteAsync"/>
    /// gives goes in the output property <paramref name="name"/> (its JSON name). A re-run of the same execution after a
    /// crash writes the list again from its first page.
    /// </summary>
    public ResultListWriter WriteList(string name) => _scope.Results.Writer(ActivityId, name, keyed: false);

    /// <summary>
    /// An object keyed by server (each server's root snapshot) written a page of properties at a time, as
    /// <see cref="WriteList"/> writes a list; it is read back as the object.
    /// </summary>
    public ResultListWriter WriteMap(string name) => _scope.Results.Writer(ActivityId, name, keyed: true);

    /// <summary>Adds an entry to the instance's journal, the audit trail users read.</summary>
    public void Journal(string message, JsonNode? data = null) => _scope.Journal(JournalEntryType.Message, Node.Id, message, data);
}

/// <summary>The context of an activity with typed inputs.</summary>
public sealed class ActivityContext<TInput> : ActivityContext
{
    internal ActivityContext(ActivityContext context, TInput input)
        : base(context)
    {
        Input = input;
    }

    public TInput Input { get; }
}
