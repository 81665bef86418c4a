using Chatbot.Agents.Planning;
using Xunit;

namespace Chatbot.Agents.Tests.Planning;

public sealed class TaskAnalyzerTests
{
    [Fact]
    public void Analyze_LookupAndCompute_TwoClausesLookupThenRateComputation()
    {
        var intents = TaskAnalyzer.Analyze("look up our refund policy and compute the refund for a 120 EUR order");

        Assert.Collection(
            intents,
            i =>
            {
                Assert.Equal(TaskIntentKind.Lookup, i.Kind);
                Assert.Equal("refund policy", i.Argument);
            },
            i =>
            {
                Assert.Equal(TaskIntentKind.ComputeWithRate, i.Kind);
                Assert.Equal("120", i.Argument);
                Assert.Equal("EUR", i.Extra);
                Assert.Equal("refund", i.Topic);
            });
    }

    [Theory]
    [InlineData("what is 17% of 2,340?", TaskIntentKind.Calculate, "17% of 2,340")]
    [InlineData("read reports/q3.txt", TaskIntentKind.ReadFile, "reports/q3.txt")]
    [InlineData("list the files in reports", TaskIntentKind.ListFiles, "reports")]
    [InlineData("fetch https://example.com/status", TaskIntentKind.Fetch, "https://example.com/status")]
    [InlineData("what's the weather in Lisbon?", TaskIntentKind.Weather, "Lisbon")]
    [InlineData("translate \"good morning\" to French", TaskIntentKind.Translate, "good morning")]
    [InlineData("What is the warranty period of the X200 drill?", TaskIntentKind.Lookup, "warranty period of the X200 drill")]
    [InlineData("退货政策是什么", TaskIntentKind.Lookup, "退货政策是什么")]
    public void Classify_Clause_FindsIntentAndArgument(string clause, TaskIntentKind kind, string argument)
    {
        var intent = TaskAnalyzer.Classify(clause);

        Assert.Equal(kind, intent.Kind);
        Assert.Equal(argument, intent.Argument);
    }

    [Theory]
    [InlineData("write a poem about spring")]
    [InlineData("book a flight to Paris")]
    public void Classify_BeyondTheEmbeddedAgent_Unsupported(string clause)
    {
        Assert.Equal(TaskIntentKind.Unsupported, TaskAnalyzer.Classify(clause).Kind);
    }

    [Fact]
    public void Clauses_AndInsideANounPhrase_DoesNotSplit()
    {
        Assert.Single(TaskAnalyzer.Clauses("look up the terms and conditions"));
        Assert.Equal(3, TaskAnalyzer.Clauses("read a.txt; then compute 2 + 2. And translate 'hi' to German").Count);
    }
}
