namespace Chatbot.Voice.Asr.PocketSphinx;

/// <summary>A domain's language model and dictionary on disk, as a decoder loads them.</summary>
/// <param name="LanguageModelPath">The ARPA file.</param>
/// <param name="DictionaryPath">The dictionary of its words.</param>
/// <param name="Words">Distinct words the model knows.</param>
/// <param name="DroppedWords">Distinct words of the domain left out because the pronunciation dictionary lacks them.</param>
internal sealed record DomainModelFiles(string LanguageModelPath, string DictionaryPath, int Words, int DroppedWords);
