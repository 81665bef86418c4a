namespace Chatbot.Diagnostics;

/// <summary>A stateless grain answered by whichever silo takes the call; readiness checks use it to prove the
/// process can reach the cluster.</summary>
public interface IProbeGrain : IGrainWithIntegerKey
{
    /// <summary>The address of the silo that answered.</summary>
    Task<string> PingAsync();
}
