using ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;

namespace ChangeOrchestrator.Simulators.Tests.Aws.Ssm;

public sealed class AwsCronExpressionTests
{
    [Theory]
    [InlineData("0 2 ? * TUE#2 *", "2025-06-01T00:00:00Z", "2025-06-10T02:00:00Z")]
    [InlineData("0 2 ? * SUN *", "2025-06-10T12:00:00Z", "2025-06-15T02:00:00Z")]
    [InlineData("30 23 L * ? *", "2025-02-01T00:00:00Z", "2025-02-28T23:30:00Z")]
    [InlineData("0/15 * * * ? *", "2025-06-10T12:07:00Z", "2025-06-10T12:15:00Z")]
    [InlineData("0 4 ? * 6L 2025", "2025-06-01T00:00:00Z", "2025-06-27T04:00:00Z")]
    public void NextAfter_Expression_ReturnsNextOccurrence(string expression, string after, string expected)
    {
        var next = AwsCronExpression.Parse(expression).NextAfter(DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.Utc);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Fact]
    public void NextAfter_TimeZone_ConvertsLocalScheduleToUtc()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

        var next = AwsCronExpression.Parse("0 2 ? * SUN *").NextAfter(new DateTimeOffset(2025, 6, 10, 0, 0, 0, TimeSpan.Zero), zone);

        Assert.Equal(new DateTimeOffset(2025, 6, 15, 1, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void Parse_BothDayFieldsSet_Throws()
    {
        Assert.Throws<FormatException>(() => AwsCronExpression.Parse("0 2 1 * MON *"));
    }
}
