namespace Chatbot.Gateway.Auth;

/// <summary>
/// The authorization policy of operator pages: an authenticated caller whose <c>Chatbot:Auth:RoleClaim</c> holds
/// <c>Chatbot:Auth:AdminRole</c>. Anonymous access (<c>Chatbot:Auth:AllowAnonymous</c>) never satisfies it.
/// </summary>
internal static class AdminPolicy
{
    /// <summary>Policy name.</summary>
    public const string Name = "chatbot-admin";
}
