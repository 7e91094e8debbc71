using ChangeOrchestrator.Simulators.Aws.Paging;

namespace ChangeOrchestrator.Simulators.Aws.Ssm;

/// <summary>MaxResults and NextToken as each SSM operation models them.</summary>
internal static class SsmPaging
{
    public static Page<T> Page<T>(SsmInput input, AwsWorld world, IReadOnlyList<T> items, int min, int max, int defaultSize)
    {
        var (size, offset) = Request(input, world, min, max, defaultSize);
        return PageToken.Slice(items, offset, size);
    }

    /// <summary>A page of the items of <paramref name="source"/> that <paramref name="matches"/> accepts, filtered as it is read.</summary>
    public static Page<T> Scan<T>(SsmInput input, AwsWorld world, IReadOnlyList<T> source, Func<T, bool> matches, int min, int max, int defaultSize)
    {
        var (size, position) = Request(input, world, min, max, defaultSize);
        return PageToken.Scan(source, matches, position, size);
    }

    private static (int Size, int Position) Request(SsmInput input, AwsWorld world, int min, int max, int defaultSize)
    {
        var size = input.Int("MaxResults") ?? defaultSize;
        if (size < min || size > max)
        {
            if (world.Options.StrictPageSizeLimits)
            {
                throw SsmErrors.Validation("maxResults",
                    size < min ? $"Member must have value greater than or equal to {min}" : $"Member must have value less than or equal to {max}", size);
            }

            size = Math.Clamp(size, min, max);
        }

        if (!PageToken.TryDecode(input.String("NextToken"), out var offset))
        {
            throw SsmErrors.InvalidNextToken();
        }

        return (size, offset);
    }
}
