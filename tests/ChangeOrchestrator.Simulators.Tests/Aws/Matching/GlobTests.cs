using ChangeOrchestrator.Simulators.Aws.Matching;

namespace ChangeOrchestrator.Simulators.Tests.Aws.Matching;

/// <summary>AWS filter wildcards: plain words compare as words, <c>*</c> and <c>?</c> as wildcards, escapes only where EC2 allows them.</summary>
public sealed class GlobTests
{
    [Theory]
    [InlineData("Security", "Security", true)]
    [InlineData("security", "SECURITY", true)]
    [InlineData("Security", "SecurityUpdates", false)]
    [InlineData("Security", "Securit", false)]
    [InlineData("", "", true)]
    [InlineData("", "x", false)]
    [InlineData("*", "anything", true)]
    [InlineData("Windows*", "windows server 2022", true)]
    [InlineData("*2022", "Windows Server 2022", true)]
    [InlineData("*2022", "Windows Server 2019", false)]
    [InlineData("KB50?9983", "KB5049983", true)]
    [InlineData("KB50?9983", "KB509983", false)]
    [InlineData("a*b*c", "aXXbYYc", true)]
    [InlineData("a*b*c", "aXXcYYb", false)]
    public void IsMatch_IgnoringCase_MatchesAsAwsFiltersDo(string pattern, string value, bool expected) =>
        Assert.Equal(expected, Glob.IsMatch(pattern, value));

    [Theory]
    [InlineData("Security", "security", false)]
    [InlineData("Security", "Security", true)]
    [InlineData("Sec*", "security", false)]
    public void IsMatch_CaseSensitive_ComparesCharactersExactly(string pattern, string value, bool expected) =>
        Assert.Equal(expected, Glob.IsMatch(pattern, value, ignoreCase: false));

    [Theory]
    [InlineData(@"web\*", "web*", true, true)]
    [InlineData(@"web\*", "web01", true, false)]
    [InlineData(@"web\*", @"web\01", false, true)]
    [InlineData(@"c:\temp", @"c:\temp", false, true)]
    [InlineData(@"a\\b", @"a\b", true, true)]
    public void IsMatch_Backslash_EscapesOnlyWhereTheServiceAllowsIt(string pattern, string value, bool backslashEscapes, bool expected) =>
        Assert.Equal(expected, Glob.IsMatch(pattern, value, ignoreCase: true, backslashEscapes));
}
