using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Web.Instances;

/// <summary>
/// The details of a few completed or cancelled instances, kept: such an instance never changes again, yet every view
/// of its page reads it twice (the prerender and the live page) and a 1,000-server change's state is megabytes of
/// JSON to read and parse each time. Open pages of the same change also share one copy instead of holding one each.
/// </summary>
public sealed class FinishedInstances
{
    // Few: a large change's parsed state is tens of megabytes; the changes people look at are mostly the latest ones.
    private const int Kept = 4;

    private readonly Lock _lock = new();
    private readonly LinkedList<InstanceDetails> _kept = [];

    public InstanceDetails? Find(string instanceId)
    {
        lock (_lock)
        {
            for (var node = _kept.First; node is not null; node = node.Next)
            {
                if (node.Value.Instance.Id == instanceId)
                {
                    _kept.Remove(node);
                    _kept.AddFirst(node);
                    return node.Value;
                }
            }
        }

        return null;
    }

    public void Keep(InstanceDetails details)
    {
        if (!details.Instance.IsFinished)
        {
            return;
        }

        // Parsed JSON builds its nodes lazily on first access, which is not safe from two threads at once: build them
        // all now, before any other page can read this copy.
        var instance = details.Instance;
        Build(instance.Input);
        Build(instance.Variables);
        Build(instance.Steps);
        lock (_lock)
        {
            if (_kept.Any(d => d.Instance.Id == instance.Id))
            {
                return;
            }

            _kept.AddFirst(details);
            while (_kept.Count > Kept)
            {
                _kept.RemoveLast();
            }
        }
    }

    private static void Build(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject item:
                foreach (var (_, value) in item)
                {
                    Build(value);
                }

                break;
            case JsonArray items:
                foreach (var value in items)
                {
                    Build(value);
                }

                break;
        }
    }
}
