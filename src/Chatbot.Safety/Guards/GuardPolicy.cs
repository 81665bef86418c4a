using System.ComponentModel.DataAnnotations;

namespace Chatbot.Safety.Guards;

/// <summary>
/// What one tenant's guards do: an action per category and direction, and the score thresholds at which the
/// injection and toxicity detectors count as detections. Bound from configuration (<see cref="GuardOptions"/>).
/// </summary>
public sealed class GuardPolicy
{
    /// <summary>Action on prompt injection and jailbreak attempts in user input. Default <see cref="GuardAction.Block"/>.</summary>
    public GuardAction Injection { get; set; } = GuardAction.Block;

    /// <summary>Action on injection attempts inside retrieved passages (which are wrapped as data anyway). Default <see cref="GuardAction.Flag"/>.</summary>
    public GuardAction RetrievedInjection { get; set; } = GuardAction.Flag;

    /// <summary>Combined injection score (0–1) from which input counts as an attack. Default 0.6.</summary>
    [Range(0.0, 1.0)]
    public double InjectionThreshold { get; set; } = 0.6;

    /// <summary>Action on personal data in user input. Default <see cref="GuardAction.Sanitize"/> (replaced by placeholders).</summary>
    public GuardAction Pii { get; set; } = GuardAction.Sanitize;

    /// <summary>Action on personal data in model output. Default <see cref="GuardAction.Sanitize"/>.</summary>
    public GuardAction OutputPii { get; set; } = GuardAction.Sanitize;

    /// <summary>PII kinds to act on (e.g. <c>pii.email</c>); empty (the default) means all.</summary>
    public List<string> PiiKinds { get; set; } = [];

    /// <summary>Action on toxic language, in input and output. Default <see cref="GuardAction.Flag"/>.</summary>
    public GuardAction Toxicity { get; set; } = GuardAction.Flag;

    /// <summary>Combined toxicity score (0–1) from which text counts as toxic. Default 0.7.</summary>
    [Range(0.0, 1.0)]
    public double ToxicityThreshold { get; set; } = 0.7;
}
