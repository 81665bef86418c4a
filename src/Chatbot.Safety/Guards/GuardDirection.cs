namespace Chatbot.Safety.Guards;

/// <summary>Where an inspected text comes from; it decides which detectors run and which actions apply.</summary>
public enum GuardDirection
{
    /// <summary>A user's message: injection, PII and toxicity.</summary>
    Input,

    /// <summary>The model's answer: PII (<see cref="GuardPolicy.OutputPii"/>) and toxicity.</summary>
    Output,

    /// <summary>A retrieved passage: injection only (<see cref="GuardPolicy.RetrievedInjection"/>).</summary>
    Retrieved,
}
