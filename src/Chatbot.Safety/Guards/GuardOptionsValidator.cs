using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Chatbot.Safety.Guards;

/// <summary>Checks every policy in <see cref="GuardOptions"/> (nested sections are not covered by data annotations); messages name the setting.</summary>
internal sealed class GuardOptionsValidator : IValidateOptions<GuardOptions>
{
    public ValidateOptionsResult Validate(string? name, GuardOptions options)
    {
        var failures = new List<string>();
        Check(options.Default, $"{GuardOptions.SectionName}:Default", failures);
        foreach (var (tenant, policy) in options.Tenants)
        {
            Check(policy, $"{GuardOptions.SectionName}:Tenants:{tenant}", failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(GuardPolicy policy, string path, List<string> failures)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(policy, new ValidationContext(policy), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => $"{path}:{r.MemberNames.FirstOrDefault()}: {r.ErrorMessage}"));
        }

        foreach (var kind in policy.PiiKinds.Where(k => !k.StartsWith("pii.", StringComparison.Ordinal)))
        {
            failures.Add($"{path}:PiiKinds: '{kind}' is not a PII kind (pii.email, pii.phone, pii.cn_resident_id, pii.bank_card, pii.ip_address).");
        }
    }
}
