using Chatbot.AI.Grounding;
using Microsoft.Extensions.AI;
using Xunit;

namespace Chatbot.AI.Tests.Grounding;

/// <summary>Multi-hop answers from knowledge-graph paths: the answer entity, then each step's source sentence, cited.</summary>
public sealed class PathAnswerTests
{
    private static readonly GroundingSource[] s_sources =
    [
        new(1, "lead.txt", "", "Alice Smith leads Project Falcon.", 0.9),
        new(2, "member.txt", "", "Alice Smith is a member of the Orion Group.", 0.8),
        new(3, "fund.txt", "", "The Orion Group is funded by the Helios Foundation.", 0.7),
    ];

    private static readonly GroundingPath s_path = new("Helios Foundation", "Project Falcon → Alice Smith → Orion Group → Helios Foundation",
    [
        new("Project Falcon is led by Alice Smith", "Alice Smith leads Project Falcon.", 1),
        new("Alice Smith is a member of Orion Group", "Alice Smith is a member of the Orion Group.", 2),
        new("Orion Group is funded by Helios Foundation", "The Orion Group is funded by the Helios Foundation.", 3),
    ]);

    [Fact]
    public void Answer_MultiHopQuestionWithPath_AnswerEntityThenCitedSentences()
    {
        var answer = ExtractiveAnswerer.Answer("Who funds the group of the person leading Project Falcon?", s_sources, [s_path]);

        Assert.Equal(
            "Helios Foundation: Alice Smith leads Project Falcon. [1] Alice Smith is a member of the Orion Group. [2] " +
            "The Orion Group is funded by the Helios Foundation. [3]", answer);
    }

    [Fact]
    public void Answer_MultiHopQuestionWithoutPath_QuotesOneSentenceOnly()
    {
        var answer = ExtractiveAnswerer.Answer("Who funds the group of the person leading Project Falcon?", s_sources);

        Assert.DoesNotContain("Helios Foundation:", answer ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_OneSentenceCoversTheQuestion_PathDoesNotReplaceIt()
    {
        var answer = ExtractiveAnswerer.Answer("Who leads Project Falcon?", s_sources, [s_path]);

        Assert.Equal("Alice Smith leads Project Falcon. [1]", answer);
    }

    [Fact]
    public void Answer_ChineseMultiHopQuestion_ChinesePunctuation()
    {
        GroundingSource[] sources =
        [
            new(1, "lead.txt", "", "张伟领导猎鹰项目。", 1), new(2, "member.txt", "", "张伟是猎户座集团的成员。", 1),
            new(3, "fund.txt", "", "猎户座集团由太阳神基金会资助。", 1),
        ];
        var path = new GroundingPath("太阳神基金会", "猎鹰项目 → 张伟 → 猎户座集团 → 太阳神基金会",
            [new("a", "张伟领导猎鹰项目。", 1), new("b", "张伟是猎户座集团的成员。", 2), new("c", "猎户座集团由太阳神基金会资助。", 3)]);

        var answer = ExtractiveAnswerer.Answer("资助领导猎鹰项目的人所在集团的是谁？", sources, [path]);

        Assert.Equal("太阳神基金会：张伟领导猎鹰项目。[1]张伟是猎户座集团的成员。[2]猎户座集团由太阳神基金会资助。[3]", answer);
    }

    [Fact]
    public void Attach_WithPaths_PromptListsEachStepWithItsCitationAndOptionsCarryThem()
    {
        var prompt = new List<ChatMessage> { new(ChatRole.User, "Who funds the group of the person leading Project Falcon?") };
        var options = new ChatOptions();

        GroundingContext.Attach(prompt, options, s_sources, [s_path]);

        var system = prompt[0].Text;
        Assert.Contains(
            "- Project Falcon → Alice Smith → Orion Group → Helios Foundation: Project Falcon is led by Alice Smith [1]; " +
            "Alice Smith is a member of Orion Group [2]; Orion Group is funded by Helios Foundation [3]", system, StringComparison.Ordinal);
        Assert.Same(s_path, Assert.Single(GroundingContext.PathsOf(options)));
    }
}
