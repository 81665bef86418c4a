using Chatbot.Evaluation.Retrieval;
using Xunit;

namespace Chatbot.Evaluation.Tests.Retrieval;

public sealed class QuestionKindsTests
{
    [Theory]
    [InlineData("What government position was held by the woman who portrayed Corliss Archer in the film Kiss and Tell?",
        "Chief of Protocol", "Shirley Temple", "Kiss and Tell (1945 film)", "bridge")]
    [InlineData("Who is older, Annie Morton or Terry Richardson?", "Terry Richardson", "Annie Morton", "Terry Richardson", "comparison")]
    [InlineData("Are Giuseppe Verdi and Ambroise Thomas both Opera composers?", "yes", "Giuseppe Verdi", "Ambroise Thomas", "comparison")]
    [InlineData("What nationality were Alfred Gell and Edmund Leach, both social anthropologists?", "British", "Alfred Gell", "Edmund Leach", "comparison")]
    [InlineData("Which city is the capital of the country where the Kestrel Engine or its maker is based?", "Oslo", "Kestrel Engine", "Vireo Systems", "bridge")]
    public void Classify_HotpotQaQuestion_ItsKind(string question, string answer, string title1, string title2, string expected)
    {
        var query = new BeirQuery("q", question, new HashSet<string> { "a", "b" }, [answer]);

        Assert.Equal(expected, QuestionKinds.Classify(query, [title1, title2]));
    }
}
