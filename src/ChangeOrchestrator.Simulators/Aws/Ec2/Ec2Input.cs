using System.Globalization;

namespace ChangeOrchestrator.Simulators.Aws.Ec2;

/// <summary>
/// Reads EC2 Query parameters: flattened 1-based lists (<c>InstanceId.1</c>), dotted structures, and the bare
/// empty keys the SDK sends for empty lists, which are ignored.
/// </summary>
internal sealed class Ec2Input(IFormCollection form)
{
    private const int MaxFilterValues = 200;

    public string? Value(string key) => form.TryGetValue(key, out var value) ? value.ToString() : null;

    public string Required(string key) =>
        Value(key) is { Length: > 0 } value ? value : throw new Ec2ServiceException("MissingParameter", $"The request must contain the parameter {key}");

    public bool? Bool(string key) => Value(key) switch
    {
        null or "" => null,
        "true" => true,
        "false" => false,
        var other => throw new Ec2ServiceException("InvalidParameterValue", $"Value ({other}) for parameter {key} is invalid. Expected a boolean."),
    };

    public int? Int(string key) => Value(key) switch
    {
        null or "" => null,
        var text when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number,
        var other => throw new Ec2ServiceException("InvalidParameterValue", $"Value ({other}) for parameter {key} is invalid. Expected an integer."),
    };

    public bool DryRun => Bool("DryRun") ?? false;

    public IReadOnlyList<string> List(string prefix)
    {
        var values = new List<string>();
        for (var i = 1; Value($"{prefix}.{i}") is { } value; i++)
        {
            values.Add(value);
        }

        return values;
    }

    public IReadOnlyList<Ec2Filter> Filters()
    {
        var filters = new List<Ec2Filter>();
        for (var i = 1; Value($"Filter.{i}.Name") is { } name; i++)
        {
            var values = List($"Filter.{i}.Value");

            // EC2 refuses a filter with more than 200 values.
            if (values.Count > MaxFilterValues)
            {
                throw new Ec2ServiceException("FilterLimitExceeded", $"The maximum number of filter values specified on a single call is {MaxFilterValues}");
            }

            filters.Add(new Ec2Filter(name, values));
        }

        return filters;
    }

    public IReadOnlyList<Ec2Tag> Tags(string prefix)
    {
        var tags = new List<Ec2Tag>();
        for (var i = 1; Value($"{prefix}.{i}.Key") is { } key; i++)
        {
            tags.Add(new Ec2Tag(key, Value($"{prefix}.{i}.Value") ?? ""));
        }

        return tags;
    }

    public IReadOnlyList<Ec2TagSpecification> TagSpecifications()
    {
        var specifications = new List<Ec2TagSpecification>();
        for (var i = 1; Value($"TagSpecification.{i}.ResourceType") is { } type; i++)
        {
            specifications.Add(new Ec2TagSpecification(type, Tags($"TagSpecification.{i}.Tag")));
        }

        return specifications;
    }

    /// <summary>Tags that TagSpecification entries for <paramref name="resourceType"/> carry.</summary>
    public IReadOnlyList<Ec2Tag> TagsFor(string resourceType, params string[] allowedTypes)
    {
        var specifications = TagSpecifications();
        if (specifications.FirstOrDefault(s => !allowedTypes.Contains(s.ResourceType, StringComparer.Ordinal)) is { } wrong)
        {
            throw new Ec2ServiceException("InvalidParameterValue", $"'{wrong.ResourceType}' is not a valid taggable resource type for this operation.");
        }

        return [.. specifications.Where(s => s.ResourceType == resourceType).SelectMany(s => s.Tags)];
    }

    /// <summary>Validation passed: a DryRun call stops here with the error that means it would have succeeded.</summary>
    public void ThrowIfDryRun()
    {
        if (DryRun)
        {
            throw new Ec2ServiceException("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", StatusCodes.Status412PreconditionFailed);
        }
    }
}
