using ChangeOrchestrator.Simulators.ServiceNow.Tables.Query;

namespace ChangeOrchestrator.Simulators.Tests.ServiceNow.Tables.Query;

public sealed class EncodedQueryParserTests
{
    [Fact]
    public void Parse_OrTerm_BindsToThePreviousCondition()
    {
        var query = EncodedQueryParser.Parse("active=true^state=-5^ORstate=-4");

        var clause = Assert.Single(query.Alternatives);
        Assert.Equal(2, clause.Count);
        Assert.Equal([new QueryCondition("active", QueryOperator.Equals, "true")], clause[0]);
        Assert.Equal(
            [new QueryCondition("state", QueryOperator.Equals, "-5"), new QueryCondition("state", QueryOperator.Equals, "-4")],
            clause[1]);
    }

    [Fact]
    public void Parse_OperatorsAndOrdering_AreRecognised()
    {
        var query = EncodedQueryParser.Parse("numberINCHG1,CHG2^short_descriptionLIKEpatch^correlation_idSTARTSWITHPIPE^state!=3^descriptionNOT LIKEx^ORDERBYDESCnumber^ORDERBYstate");

        var operators = query.Alternatives[0].Select(g => g[0].Operator);
        Assert.Equal([QueryOperator.In, QueryOperator.Like, QueryOperator.StartsWith, QueryOperator.NotEquals, QueryOperator.NotLike], operators);
        Assert.Equal([new QueryOrder("number", true), new QueryOrder("state", false)], query.Orders);
    }

    [Fact]
    public void Parse_NewQueryAndEscapedCaret_SplitAlternativesAndKeepLiteralCaret()
    {
        var query = EncodedQueryParser.Parse("short_description=a^^b^NQstate=3");

        Assert.Equal(2, query.Alternatives.Count);
        Assert.Equal("a^b", query.Alternatives[0][0][0].Value);
        Assert.Equal("state", query.Alternatives[1][0][0].Field);
    }

    [Fact]
    public void Parse_TermWithoutOperator_IsReportedInvalid()
    {
        var query = EncodedQueryParser.Parse("state^number=CHG1");

        Assert.Equal(["state"], query.InvalidTerms);
        Assert.Equal("number", Assert.Single(query.Alternatives[0])[0].Field);
    }
}
