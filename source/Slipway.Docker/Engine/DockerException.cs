using System.Net;

namespace Slipway.Docker.Engine;

/// <summary>
/// The Docker engine refused a request or could not be reached. The message is one sentence a user can act
/// on (usually the engine's own); it never carries registry credentials.
/// </summary>
public class DockerException : Exception
{
    public DockerException(string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The engine's HTTP status, or null when the engine never answered.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The container, image or other object named in the request does not exist.</summary>
    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;

    /// <summary>The request conflicts with the engine's state (a name in use, an image in use).</summary>
    public bool IsConflict => StatusCode == HttpStatusCode.Conflict;
}
