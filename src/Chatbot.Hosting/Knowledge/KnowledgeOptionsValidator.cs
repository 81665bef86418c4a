using Chatbot.Knowledge;
using Microsoft.Extensions.Options;

namespace Chatbot.Hosting.Knowledge;

/// <summary>Start-up validation of <see cref="KnowledgeOptions"/>; each message names its setting.</summary>
internal sealed class KnowledgeOptionsValidator : IValidateOptions<KnowledgeOptions>
{
    public ValidateOptionsResult Validate(string? name, KnowledgeOptions options)
    {
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
