using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace ChangeOrchestrator.Patching.Policies.Loading;

/// <summary>
/// A YAML mapping read field by field: each accessor records where the field was written and reports a wrong
/// type as an error naming the field, returning null so reading goes on and every error is found in one pass.
/// </summary>
internal sealed class YamlObject(YamlMappingNode node, string path, PolicyReadContext context)
{
    public YamlMappingNode Node => node;

    public string Path => path;

    public SourceLocation Location => context.At(node);

    public PolicyReadContext Context => context;

    public string FieldPath(string key) => path.Length == 0 ? key : $"{path}.{key}";

    /// <summary>Reports keys that are not fields of this object, listing the ones that are.</summary>
    public void Only(params string[] keys)
    {
        foreach (var key in node.Children.Keys.OfType<YamlScalarNode>())
        {
            if (!keys.Contains(key.Value, StringComparer.Ordinal))
            {
                context.Error(key, FieldPath(key.Value ?? ""), $"is not a field here; expected one of {string.Join(", ", keys)}");
            }
        }
    }

    public YamlNode? Find(string key)
    {
        if (!node.Children.TryGetValue(new YamlScalarNode(key), out var value))
        {
            return null;
        }

        context.Fields[FieldPath(key)] = context.At(value);
        return value is YamlScalarNode { Value: null or "" or "~" or "null", Style: YamlDotNet.Core.ScalarStyle.Plain } ? null : value;
    }

    public string? String(string key, bool required = false)
    {
        switch (Find(key))
        {
            case null:
                if (required)
                {
                    context.Error(node, FieldPath(key), "is required");
                }

                return null;
            case YamlScalarNode scalar:
                return scalar.Value;
            case var other:
                context.Error(other, FieldPath(key), "must be a text value");
                return null;
        }
    }

    public int? Int(string key, int min, int max, bool required = false)
    {
        var value = Find(key);
        if (value is null)
        {
            if (required)
            {
                context.Error(node, FieldPath(key), "is required");
            }

            return null;
        }

        if (value is YamlScalarNode scalar && int.TryParse(scalar.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            if (number >= min && number <= max)
            {
                return number;
            }

            context.Error(value, FieldPath(key), $"is {number}; it must be between {min} and {max}");
            return null;
        }

        context.Error(value, FieldPath(key), $"must be a whole number between {min} and {max}");
        return null;
    }

    public bool? Bool(string key)
    {
        var value = Find(key);
        if (value is null)
        {
            return null;
        }

        if (value is YamlScalarNode scalar && bool.TryParse(scalar.Value, out var flag))
        {
            return flag;
        }

        context.Error(value, FieldPath(key), "must be true or false");
        return null;
    }

    public IReadOnlyList<string> Strings(string key)
    {
        switch (Find(key))
        {
            case null:
                return [];
            case YamlScalarNode scalar:
                return [scalar.Value ?? ""];
            case YamlSequenceNode sequence:
                var values = new List<string>();
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    if (sequence.Children[i] is YamlScalarNode item)
                    {
                        values.Add(item.Value ?? "");
                    }
                    else
                    {
                        context.Error(sequence.Children[i], $"{FieldPath(key)}[{i}]", "must be a text value");
                    }
                }

                return values;
            case var other:
                context.Error(other, FieldPath(key), "must be a list of text values");
                return [];
        }
    }

    public YamlObject? Object(string key, bool required = false)
    {
        switch (Find(key))
        {
            case null:
                if (required)
                {
                    context.Error(node, FieldPath(key), "is required");
                }

                return null;
            case YamlMappingNode mapping:
                return new YamlObject(mapping, FieldPath(key), context);
            case var other:
                context.Error(other, FieldPath(key), "must be a mapping of fields");
                return null;
        }
    }

    /// <summary>The mappings of a list; each is named <c>key[name]</c> after its <c>name</c> field when it has one, else <c>key[index]</c>.</summary>
    public IReadOnlyList<YamlObject> Objects(string key, string? nameField = null)
    {
        switch (Find(key))
        {
            case null:
                return [];
            case YamlSequenceNode sequence:
                var items = new List<YamlObject>();
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    var child = sequence.Children[i];
                    if (child is not YamlMappingNode mapping)
                    {
                        context.Error(child, $"{FieldPath(key)}[{i}]", "must be a mapping of fields");
                        continue;
                    }

                    var label = nameField is not null
                        && mapping.Children.TryGetValue(new YamlScalarNode(nameField), out var name)
                        && name is YamlScalarNode { Value: { Length: > 0 } text }
                            ? text
                            : i.ToString(CultureInfo.InvariantCulture);
                    items.Add(new YamlObject(mapping, $"{FieldPath(key)}[{label}]", context));
                }

                return items;
            case var other:
                context.Error(other, FieldPath(key), "must be a list");
                return [];
        }
    }

    public void Error(string key, string message) =>
        context.Error(node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : node, FieldPath(key), message);

    public void Error(string message) => context.Error(node, path, message);
}
