using System.Net;
using System.Net.Sockets;
using Library = Docker.DotNet;

namespace Slipway.Docker.Engine;

/// <summary>
/// Slipway's narrow view of the Docker engine, split by concern into partial files (system, images, build, push,
/// containers, logs). The Engine API itself is spoken by the Docker.DotNet library; this class picks the few calls
/// Slipway needs, fills in the defaults Slipway relies on, and turns the library's failures into
/// <see cref="DockerException"/>s whose message is one sentence a user can act on.
/// </summary>
public sealed partial class DockerClient : IDisposable
{
    private readonly Library.DockerClient engine;

    /// <summary>A client for the engine DOCKER_HOST names, or the default unix socket.</summary>
    public DockerClient()
        : this(DockerEndpoint.FromEnvironment())
    {
    }

    /// <summary>A client for the engine at <paramref name="endpoint"/>.</summary>
    /// <param name="dockerConfig">Where push credentials are looked up when none are given; the user's ~/.docker/config.json by default.</param>
    public DockerClient(DockerEndpoint endpoint, DockerConfigFile? dockerConfig = null)
    {
        Endpoint = endpoint;
        DockerConfig = dockerConfig ?? DockerConfigFile.ForCurrentUser();

        // Build, push, logs and wait stream for as long as the work takes; callers bound them by cancellation.
        // No API version is pinned: the library then speaks the engine's own (20.10 and later answer alike here).
        engine = new Library.DockerClientBuilder()
            .WithEndpoint(endpoint.Uri)
            .WithTimeout(Timeout.InfiniteTimeSpan)
            .Build();
    }

    /// <summary>The engine this client talks to.</summary>
    public DockerEndpoint Endpoint { get; }

    /// <summary>The Docker CLI configuration push credentials come from when none are given.</summary>
    public DockerConfigFile DockerConfig { get; }

    public void Dispose() => engine.Dispose();

    /// <summary>Runs one library call and translates its failures.</summary>
    private async Task<T> CallAsync<T>(Func<Library.DockerClient, Task<T>> call)
    {
        try
        {
            return await call(engine);
        }
        catch (Library.DockerApiException exception)
        {
            throw new DockerException(EngineMessage.FromBody(exception.ResponseBody ?? string.Empty, (int)exception.StatusCode), exception.StatusCode, exception);
        }
        catch (Exception exception) when (exception is HttpRequestException or SocketException or AggregateException or IOException
            && FindInner<DockerException>(exception) is { } contentError)
        {
            // The request body (a build context) could not be written; its own message says why.
            throw contentError;
        }
        catch (Exception exception) when (exception is HttpRequestException or SocketException or AggregateException or IOException)
        {
            throw Unreachable(exception);
        }
    }

    private Task CallAsync(Func<Library.DockerClient, Task> call) =>
        CallAsync(async client =>
        {
            await call(client);
            return true;
        });

    private DockerException Unreachable(Exception exception)
    {
        var socketError = FindInner<SocketException>(exception)?.SocketErrorCode;
        if (socketError == SocketError.AccessDenied)
        {
            return new DockerException(
                $"Cannot reach the Docker engine at {Endpoint.Address}: permission denied on its socket; add your user to the docker group or set DOCKER_HOST.",
                null,
                exception);
        }

        if (socketError is not null || exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError })
        {
            return new DockerException(
                $"Cannot reach the Docker engine at {Endpoint.Address}: start it (sudo systemctl start docker, or `dockerd &`) or set DOCKER_HOST.",
                null,
                exception);
        }

        return new DockerException(
            $"The Docker engine at {Endpoint.Address} broke off the request ({exception.Message}); check that the engine is still running.",
            null,
            exception);
    }

    private static T? FindInner<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }

            if (current is AggregateException aggregate && aggregate.InnerExceptions.Select(FindInner<T>).FirstOrDefault(found => found is not null) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }
}
