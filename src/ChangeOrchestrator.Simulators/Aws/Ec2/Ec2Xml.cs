using System.Globalization;
using System.Xml.Linq;

namespace ChangeOrchestrator.Simulators.Aws.Ec2;

/// <summary>Building blocks of EC2 responses: namespaced elements, <c>item</c> lists, tag sets, timestamps.</summary>
internal static class Ec2Xml
{
    public static readonly XNamespace Ns = "http://ec2.amazonaws.com/doc/2016-11-15/";

    public static XElement E(string name, params object?[] content) => new(Ns + name, content);

    /// <summary>A list wrapper such as <c>snapshotSet</c> around <c>item</c> elements built with <see cref="Item"/>.</summary>
    public static XElement Items(string wrapper, IEnumerable<XElement> items) => new(Ns + wrapper, items);

    public static XElement Item(params object?[] content) => new(Ns + "item", content);

    public static XElement TagSet(IEnumerable<KeyValuePair<string, string>> tags) =>
        new(Ns + "tagSet", tags.Select(tag => Item(E("key", tag.Key), E("value", tag.Value))));

    public static string Timestamp(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "true" : "false";

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
