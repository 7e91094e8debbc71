using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Engine.Publishing;

namespace ChangeOrchestrator.Web.Designer;

/// <summary>
/// The work of opening a workflow file beyond reading it (the layered layout of activities without a stored position,
/// and validation), done once per file content and kept for the next opening of the same content. The page served
/// before the live connection starts it, so the live page, a moment later, usually finds it done instead of making
/// the canvas wait for it.
/// </summary>
public sealed class DesignerPreparation(WorkflowDefinitionLoader loader, ActivityCatalogue catalogue)
{
    // A few dozen files: the ones being opened now. An entry is a layout and a list of problems, a few KiB.
    private const int Capacity = 32;

    private readonly ConcurrentDictionary<string, Lazy<Task<PreparedDesign>>> _prepared = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _added = new();

    /// <summary>The layout and problems of <paramref name="text"/> opened as <paramref name="fileName"/>: kept, in the works, or worked out now.</summary>
    /// <exception cref="DesignerFileException">The text is not a workflow file the designer can open.</exception>
    public Task<PreparedDesign> PrepareAsync(string fileName, string text)
    {
        var key = fileName + "\n" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var added = new Lazy<Task<PreparedDesign>>(() => Task.Run(() => Prepare(fileName, text)));
        var entry = _prepared.GetOrAdd(key, added);
        if (ReferenceEquals(entry, added))
        {
            _added.Enqueue(key);
            while (_added.Count > Capacity && _added.TryDequeue(out var oldest))
            {
                _prepared.TryRemove(oldest, out _);
            }
        }
        else if (entry.IsValueCreated && entry.Value.IsFaulted && _prepared.TryUpdate(key, added, entry))
        {
            // A failure is not kept: the next opening tries again (and reports what is wrong again).
            entry = added;
        }

        return entry.Value;
    }

    /// <summary>Starts preparing, without waiting: a file the designer cannot open is reported when the live page opens it.</summary>
    public void Start(string fileName, string text) =>
        _ = PrepareAsync(fileName, text).ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    private PreparedDesign Prepare(string fileName, string text)
    {
        var document = DesignerDocument.Open(text, fileName);
        IReadOnlyDictionary<string, DesignerPoint> layout = document.HasPositions
            ? new Dictionary<string, DesignerPoint>(StringComparer.Ordinal)
            : DesignerLayout.Compute(document, catalogue, _ => null);
        return new PreparedDesign(layout, DesignerValidation.Check(loader, document));
    }
}
