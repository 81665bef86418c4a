using Chatbot.Knowledge.Graph;
using Microsoft.Extensions.Options;

namespace Chatbot.Hosting.Knowledge;

/// <summary>Start-up validation of <see cref="GraphOptions"/>; each message names its setting. The model extractor
/// depends on the chat provider, whose configured value is passed in.</summary>
internal sealed class GraphOptionsValidator(string? chatProvider) : IValidateOptions<GraphOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        var errors = options.Validate(chatProvider);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
