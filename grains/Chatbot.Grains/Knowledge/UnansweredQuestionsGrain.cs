using Chatbot.Hosting;
using Chatbot.Knowledge;

namespace Chatbot.Grains.Knowledge;

/// <summary>A tenant's review queue of unanswered questions, bounded to the most recent <see cref="Capacity"/>.</summary>
public sealed class UnansweredQuestionsGrain(
    [PersistentState("unanswered", ProviderNames.GrainState)] IPersistentState<UnansweredQuestionsState> state)
    : Grain, IUnansweredQuestionsGrain
{
    private const int Capacity = 500;

    public async Task RecordAsync(UnansweredQuestion question)
    {
        var questions = state.State.Questions;
        questions.Add(question);
        if (questions.Count > Capacity)
        {
            questions.RemoveRange(0, questions.Count - Capacity);
        }

        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<UnansweredQuestion>> ListAsync(int limit) =>
        Task.FromResult<IReadOnlyList<UnansweredQuestion>>(
            state.State.Questions.AsEnumerable().Reverse().Take(Math.Clamp(limit, 1, Capacity)).ToList());
}
