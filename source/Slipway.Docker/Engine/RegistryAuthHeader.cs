using System.Text;
using System.Text.Json.Nodes;
using Slipway.Platform;

namespace Slipway.Docker.Engine;

/// <summary>Encodes the X-Registry-Auth header: base64url JSON of username, password and server address.</summary>
internal static class RegistryAuthHeader
{
    public const string Name = "X-Registry-Auth";

    /// <summary>The header value; an empty object when there are no credentials (the engine requires the header).</summary>
    public static string Encode(RegistryCredentials? credentials)
    {
        var json = credentials is null
            ? new JsonObject()
            : new JsonObject
            {
                ["username"] = credentials.Username,
                ["password"] = credentials.Password,
                ["serveraddress"] = credentials.ServerAddress,
            };
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json.ToJsonString())).Replace('+', '-').Replace('/', '_');
    }
}
