using System.ComponentModel.DataAnnotations;

namespace Chatbot.Gateway;

/// <summary>How the gateway reaches the grains (<c>Chatbot:Gateway</c>).</summary>
public sealed class GatewayOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Chatbot:Gateway";

    /// <summary><c>cohosted</c> (default: the gateway runs a silo in-process, single-machine mode) or <c>client</c>
    /// (the gateway joins a cluster of separate silo processes as an Orleans client).</summary>
    [RegularExpression("^(cohosted|client)$", ErrorMessage = "Chatbot:Gateway:Mode must be 'cohosted' or 'client'.")]
    public string Mode { get; set; } = GatewayModes.Cohosted;
}

/// <summary>Known values of <see cref="GatewayOptions.Mode"/>.</summary>
public static class GatewayModes
{
    /// <summary>The gateway hosts a silo.</summary>
    public const string Cohosted = "cohosted";

    /// <summary>The gateway is a cluster client.</summary>
    public const string Client = "client";
}
