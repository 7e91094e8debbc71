namespace ChangeOrchestrator.Web.Designer;

/// <summary>Undo and redo of a document's edits, as snapshots of its content; the oldest go once <see cref="Capacity"/> is reached.</summary>
public sealed class DesignerHistory(int capacity = DesignerHistory.DefaultCapacity)
{
    public const int DefaultCapacity = 200;

    private readonly LinkedList<string> _undo = new();
    private readonly Stack<string> _redo = new();

    public int Capacity => capacity;

    public bool CanUndo => _undo.Count > 0;

    public bool CanRedo => _redo.Count > 0;

    public int UndoCount => _undo.Count;

    /// <summary>Records the content as it was before an edit.</summary>
    public void Record(string before)
    {
        if (_undo.Last?.Value == before)
        {
            return;
        }

        _undo.AddLast(before);
        if (_undo.Count > capacity)
        {
            _undo.RemoveFirst();
        }

        _redo.Clear();
    }

    /// <summary>The content to go back to, or null; <paramref name="current"/> becomes redoable.</summary>
    public string? Undo(string current)
    {
        if (_undo.Last is not { } last)
        {
            return null;
        }

        _undo.RemoveLast();
        _redo.Push(current);
        return last.Value;
    }

    public string? Redo(string current)
    {
        if (!_redo.TryPop(out var next))
        {
            return null;
        }

        _undo.AddLast(current);
        return next;
    }

    public void Clear()
    {
        _undo.Clear();
        _redo.Clear();
    }
}
