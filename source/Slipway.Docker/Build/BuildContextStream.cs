using System.IO.Pipelines;

namespace Slipway.Docker.Build;

/// <summary>
/// The build context as a readable tar stream for the Docker.DotNet library, which takes a stream to read rather
/// than a writer to call: the tar is written into a pipe on another task as the engine reads it, so the context
/// is never held whole in memory or copied to disk. A file that cannot be read fails the read with its own
/// <see cref="Engine.DockerException"/>.
/// </summary>
internal sealed class BuildContextStream : IAsyncDisposable
{
    private readonly Pipe pipe = new();
    private readonly CancellationTokenSource stop;
    private readonly Task writing;

    public BuildContextStream(BuildContext context, CancellationToken cancellationToken)
    {
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Reader = pipe.Reader.AsStream();
        writing = Task.Run(() => WriteAsync(context, stop.Token), CancellationToken.None);
    }

    /// <summary>The tar, read once from start to end.</summary>
    public Stream Reader { get; }

    /// <summary>Stops the writer when the engine stopped reading early (a refused build) and waits for it.</summary>
    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await pipe.Reader.CompleteAsync();
        try
        {
            await writing;
        }
        catch (Exception)
        {
            // The writer's failure, if any, already reached the reader.
        }

        stop.Dispose();
    }

    private async Task WriteAsync(BuildContext context, CancellationToken cancellationToken)
    {
        try
        {
            await using (var destination = pipe.Writer.AsStream(leaveOpen: true))
            {
                await context.WriteTarAsync(destination, cancellationToken);
            }

            await pipe.Writer.CompleteAsync();
        }
        catch (Exception exception)
        {
            await pipe.Writer.CompleteAsync(exception);
        }
    }
}
