using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Chatbot.AI.Chat;

/// <summary>
/// Checks of <see cref="ChatModelOptions"/> that data annotations on the root cannot make: the ranges of the nested
/// sections and the settings the chosen provider needs. Every message names the setting.
/// </summary>
internal sealed class ChatModelOptionsValidator : IValidateOptions<ChatModelOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatModelOptions options)
    {
        var failures = new List<string>();
        AddAnnotationFailures(options.Embedded, $"{ChatModelOptions.SectionName}:Embedded", failures);
        AddAnnotationFailures(options.OpenAI, $"{ChatModelOptions.SectionName}:OpenAI", failures);

        if (options.Provider == ChatProviders.OpenAI)
        {
            if (!Uri.TryCreate(options.OpenAI.BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                failures.Add("Chatbot:Model:OpenAI:BaseUrl must be an absolute http(s) URL when Chatbot:Model:Provider is 'openai'.");
            }

            if (string.IsNullOrWhiteSpace(options.OpenAI.Model))
            {
                failures.Add("Chatbot:Model:OpenAI:Model is required when Chatbot:Model:Provider is 'openai'.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Options' data-annotation validation does not descend into nested objects.
    private static void AddAnnotationFailures(object section, string path, List<string> failures)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(section, new ValidationContext(section), results, validateAllProperties: true))
        {
            return;
        }

        foreach (var result in results)
        {
            var member = result.MemberNames.FirstOrDefault() ?? "";
            failures.Add($"{path}:{member}: {result.ErrorMessage}");
        }
    }
}
