// Retrieval evaluation: dotnet run --project tests/Chatbot.Evaluation -c Release -- retrieval --dataset DIR --mode bm25|dense|hybrid --k 10
// Prints one JSON line per mode on stdout (`--mode bm25,dense,hybrid` indexes once for all three); progress and logs go to stderr.
using Chatbot.Evaluation.Retrieval;

if (args is not ["retrieval", .. var options])
{
    Console.Error.WriteLine(RetrievalOptions.Usage);
    return 2;
}

RetrievalOptions parsed;
try
{
    parsed = RetrievalOptions.Parse(options);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(RetrievalOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

foreach (var result in await RetrievalCommand.RunAsync(parsed, cancel.Token))
{
    Console.WriteLine(result.ToJsonLine());
}

return 0;
