using ChangeOrchestrator.Simulators.Aws.Paging;

namespace ChangeOrchestrator.Simulators.Aws.Ec2;

/// <summary>EC2 pagination: without MaxResults everything comes back in one response, as EC2 does.</summary>
internal static class Ec2Paging
{
    public static Page<T> Page<T>(Ec2Input input, AwsWorld world, IReadOnlyList<T> items, int min, int max)
    {
        var (size, offset) = Request(input, world, min, max);
        return PageToken.Slice(items, offset, size ?? int.MaxValue - offset);
    }

    /// <summary>A page of the items of <paramref name="source"/> that <paramref name="matches"/> accepts, filtered as it is read.</summary>
    public static Page<T> Scan<T>(Ec2Input input, AwsWorld world, IReadOnlyList<T> source, Func<T, bool> matches, int min, int max)
    {
        var (size, position) = Request(input, world, min, max);
        return PageToken.Scan(source, matches, position, size ?? int.MaxValue);
    }

    /// <returns>The page size, null for everything at once, and the position the token names.</returns>
    private static (int? Size, int Position) Request(Ec2Input input, AwsWorld world, int min, int max)
    {
        var requested = input.Int("MaxResults");
        if (!PageToken.TryDecode(input.Value("NextToken"), out var offset))
        {
            throw new Ec2ServiceException("InvalidParameterValue", "The specified NextToken is not valid.");
        }

        if (requested is null)
        {
            return (null, offset);
        }

        var size = requested.Value;
        if (size < min || size > max)
        {
            if (world.Options.StrictPageSizeLimits)
            {
                throw new Ec2ServiceException("InvalidParameterValue",
                    $"Value ( {size} ) for parameter maxResults is invalid. Expecting a value between {min} and {max}.");
            }

            size = Math.Clamp(size, min, max);
        }

        return (size, offset);
    }

    /// <summary>
    /// The ids a Describe call names (<c>&lt;prefix&gt;.N</c>). EC2 refuses them together with MaxResults: the ids name
    /// every item wanted, so there is nothing to page.
    /// </summary>
    public static IReadOnlyList<string> Ids(Ec2Input input, string prefix, string idsParameter, string maxResultsParameter = "maxResults")
    {
        var ids = input.List(prefix);
        if (ids.Count > 0 && input.Int("MaxResults") is not null)
        {
            throw new Ec2ServiceException("InvalidParameterCombination", $"The parameter {idsParameter} cannot be used with the parameter {maxResultsParameter}");
        }

        return ids;
    }

    public static IEnumerable<System.Xml.Linq.XElement> NextToken(string? token) =>
        token is null ? [] : [Ec2Xml.E("nextToken", token)];
}
